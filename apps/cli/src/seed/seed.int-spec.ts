import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@hearth/platform-testing';
import { seededUuid, sqlSeededUuid, idNamespace } from './dataset-ids';
import { layoutMember } from './estate-layout';
import { planMembers, type SeedOptions } from './member-plan';
import { REGISTER_TABLES } from './register-sql';
import { seedDataset } from './seed-dataset';

const OPTIONS: SeedOptions = { tenants: 3, homes: 2_000, seed: 11 };
const members = planMembers(OPTIONS);
let first: TestDatabase;
let second: TestDatabase;

beforeAll(async () => {
  [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  await seedDataset(first.config, OPTIONS);
}, 120_000);

afterAll(async () => {
  await Promise.all([first?.drop(), second?.drop()]);
});

async function rows<T = Record<string, unknown>>(db: TestDatabase, sql: string, values: unknown[] = []): Promise<T[]> {
  return (await db.admin.query(sql, values)).rows as T[];
}

/** Digests of every generated row of each table, leaving out the clock (created_at and the like). */
async function digests(db: TestDatabase, tables: readonly string[]): Promise<Array<[string, string]>> {
  const result: Array<[string, string]> = [];
  for (const table of tables) result.push([table, await digest(db, table)]);
  return result;
}

async function digest(db: TestDatabase, table: string): Promise<string> {
  const row = `(to_jsonb(t) - 'created_at' - 'updated_at' - 'recorded_at')::text`;
  const [{ md5 }] = await rows<{ md5: string }>(db, `select md5(string_agg(${row}, '|' order by ${row})) from hearth.${table} t`);
  return md5;
}

describe('hearth seed', () => {
  it('creates the members in the registry with the register modules switched on', async () => {
    expect(await rows(first, `select id, slug, country, languages from hearth.tenant order by id`)).toEqual(
      members.map((m) => ({ id: m.id, slug: m.slug, country: m.country, languages: m.languages })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await rows(first, `select module_key, count(*)::int as members from hearth.tenant_module where enabled group by 1 order by 1`)).toEqual([
      { module_key: 'assets', members: 3 },
      { module_key: 'noticeboard', members: 3 },
      { module_key: 'tenancies', members: 3 },
    ]);
    expect(await rows(first, `select operation, count(*)::int as entries from hearth.audit_log group by 1`)).toEqual([
      { operation: 'seed.generateMember', entries: 3 },
    ]);
  });

  it('writes every member’s homes under its estates and blocks', async () => {
    const homes = await rows<{ tenant_id: string; dwellings: number; orphans: number }>(
      first,
      `select a.tenant_id, count(*)::int as dwellings, count(*) filter (where p.kind not in ('estate', 'block'))::int as orphans
       from hearth.asset a join hearth.asset p on p.tenant_id = a.tenant_id and p.id = a.parent_id
       where a.kind = 'dwelling' group by 1`,
    );
    expect(new Map(homes.map((h) => [h.tenant_id, h.dwellings]))).toEqual(new Map(members.map((m) => [m.id, m.homes])));
    expect(homes.every((h) => h.orphans === 0)).toBe(true);
    const [structures] = await rows<{ count: number }>(first, `select count(*)::int from hearth.asset where kind <> 'dwelling'`);
    expect(structures.count).toBe(members.reduce((sum, m) => sum + layoutMember(m).structures.length, 0));
  });

  it('writes only postcodes that hearth.normalise_postcode accepts as they are', async () => {
    const [{ bad, total }] = await rows<{ bad: number; total: number }>(
      first,
      `select count(*) filter (where hearth.normalise_postcode(postcode) is distinct from postcode)::int as bad, count(*)::int as total
       from hearth.asset where postcode is not null`,
    );
    expect(total).toBeGreaterThan(2_000);
    expect(bad).toBe(0);
  });

  it('lets tenancies only on dwellings, never two at once on one, and about 96% of homes occupied', async () => {
    const [checks] = await rows<{ not_dwellings: number; overlapping: number; occupied: number }>(
      first,
      `select
         (select count(*) from hearth.tenancy t join hearth.asset a on a.tenant_id = t.tenant_id and a.id = t.dwelling_id
          where a.kind <> 'dwelling')::int as not_dwellings,
         (select count(*) from hearth.tenancy x join hearth.tenancy y on y.tenant_id = x.tenant_id and y.dwelling_id = x.dwelling_id
          and y.id <> x.id and daterange(x.start_date, x.end_date, '[]') && daterange(y.start_date, y.end_date, '[]'))::int as overlapping,
         (select count(distinct dwelling_id) from hearth.tenancy where end_date is null)::int as occupied`,
    );
    expect(checks.not_dwellings).toBe(0);
    expect(checks.overlapping).toBe(0);
    expect(checks.occupied / OPTIONS.homes).toBeGreaterThan(0.93);
    expect(checks.occupied / OPTIONS.homes).toBeLessThan(0.99);
  });

  it('gives every tenancy a tenant and gives each country its own tenures', async () => {
    const [{ without_tenant }] = await rows<{ without_tenant: number }>(
      first,
      `select count(*)::int as without_tenant from hearth.tenancy t
       where not exists (select 1 from hearth.tenancy_party p where p.tenant_id = t.tenant_id and p.tenancy_id = t.id and p.role = 'tenant')`,
    );
    expect(without_tenant).toBe(0);
    const current = await rows<{ country: string; tenures: string[] }>(
      first,
      `select m.country, array_agg(distinct t.tenure_type order by t.tenure_type) as tenures
       from hearth.tenancy t join hearth.tenant m on m.id = t.tenant_id where t.end_date is null group by 1`,
    );
    const tenures = new Map(current.map((c) => [c.country, c.tenures]));
    expect(tenures.get('england')).toEqual(expect.arrayContaining(['assured', 'starter']));
    expect(tenures.get('england')!.every((t) => !['secure_contract', 'standard_contract', 'scottish_secure', 'short_scottish_secure'].includes(t))).toBe(true);
    expect(tenures.get('wales')!.every((t) => ['secure_contract', 'standard_contract', 'leasehold', 'shared_ownership'].includes(t))).toBe(true);
    expect(tenures.get('wales')).toContain('secure_contract');
    expect(tenures.get('scotland')!.every((t) => ['scottish_secure', 'short_scottish_secure'].includes(t))).toBe(true);
  });

  it('gives every row a legacy reference', async () => {
    const [counts] = await rows<Record<string, number>>(
      first,
      `select (select count(*) from hearth.asset)::int - (select count(*) from hearth.asset_reference)::int as assets,
              (select count(*) from hearth.person)::int - (select count(*) from hearth.person_reference)::int as people,
              (select count(*) from hearth.tenancy)::int - (select count(*) from hearth.tenancy_reference)::int as tenancies`,
    );
    expect(counts).toEqual({ assets: 0, people: 0, tenancies: 0 });
  });

  it('keeps each member’s rows to itself under row-level security', async () => {
    const app = new Client({ host: first.config.database.host, port: first.config.database.port, database: first.name, user: 'hearth_app' });
    await app.connect();
    try {
      for (const member of members) {
        await app.query('begin');
        await app.query(`select set_config('app.tenant_id', $1, true)`, [member.id]);
        const { rows: [seen] } = await app.query(
          `select count(*) filter (where kind = 'dwelling')::int as dwellings, count(distinct tenant_id)::int as members,
                  (select count(distinct tenant_id) from hearth.person)::int as person_members from hearth.asset`,
        );
        await app.query('commit');
        expect(seen).toEqual({ dwellings: member.homes, members: 1, person_members: 1 });
      }
    } finally {
      await app.end();
    }
  });

  it('computes the same ids in SQL as in TypeScript', async () => {
    const namespace = idNamespace('a/b');
    const [{ id }] = await rows<{ id: string }>(first, `select ${sqlSeededUuid('$1::bigint', '$2::text', '$3::int')} as id`, [
      namespace.offset,
      namespace.suffix,
      12_345,
    ]);
    expect(id).toBe(seededUuid('a/b', 12_345));
  });

  it('adds nothing when run again', async () => {
    const before = await digests(first, REGISTER_TABLES);
    const summary = await seedDataset(first.config, OPTIONS);
    expect(summary.created).toEqual([]);
    expect(summary.existing.map((m) => m.id)).toEqual(members.map((m) => m.id));
    expect(await digests(first, REGISTER_TABLES)).toEqual(before);
  }, 60_000);

  it('writes exactly the same rows into another database from the same seed', async () => {
    await seedDataset(second.config, OPTIONS);
    const tables = ['tenant', 'tenant_module', ...REGISTER_TABLES];
    expect(await digests(second, tables)).toEqual(await digests(first, tables));
  }, 120_000);
});
