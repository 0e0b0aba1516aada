import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ImportsModule } from '@hearth/platform-imports';
import {
  createTestDatabase,
  insertGuestOrganisation,
  insertMember,
  serveModulesForTest,
  TestTokens,
  type TestApi,
  type TestDatabase,
  type TestMember,
} from '@hearth/platform-testing';
import { SharedConfigurationsModule } from './shared-configurations.module';

/**
 * Who sees and writes what, proven as the app role in SQL and through GraphQL: every member reads
 * the library; only the publisher publishes in its name and withdraws; no one changes or deletes
 * a published version; a guest organisation (a council) and a unit of work with nobody bound see
 * none of it; and each member's copies are its own.
 */
const tokens = new TestTokens();
let db: TestDatabase;
let app: Client;
let api: TestApi;
let a: TestMember;
let b: TestMember;
let guest: TestMember;
let published: string;

const ROW = `insert into hearth.shared_configuration (id, organisation_id, lineage_id, kind, title, description, version, content, content_hash, published_by)
             values ($1, $2, $3, 'repair-priorities', 'Priorities', 'Ours', $4, '{"priorities": []}', repeat('a', 64), 'probe')`;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  a = await insertMember(db.admin, 'member-a', { 'shared-configurations': {} });
  b = await insertMember(db.admin, 'member-b', { 'shared-configurations': {} });
  await insertMember(db.admin, 'member-c');
  guest = await insertGuestOrganisation(db.admin, 'guest-council');
  published = randomUUID();
  await db.admin.query(ROW, [published, a.id, published, '1.0']);
  await db.admin.query(
    `insert into hearth.configuration_adoption (tenant_id, shared_configuration_id, lineage_id, kind, applied_content, applied_hash, adapted_on_copy, adopted_by)
     values ($1, $2, $2, 'repair-priorities', '{}', repeat('b', 64), false, 'probe')`,
    [b.id, published],
  );
  app = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user: 'hearth_app' });
  await app.connect();
  api = await serveModulesForTest(db.config, [ImportsModule, SharedConfigurationsModule]);
});

afterAll(async () => {
  await api?.close();
  await app?.end();
  await db?.drop();
});

/** Runs `fn` as hearth_app bound to a member, a guest organisation, or nobody, then rolls back. */
async function as<T>(binding: { member?: TestMember; guest?: TestMember }, fn: () => Promise<T>): Promise<T> {
  await app.query('begin');
  try {
    await app.query(`select set_config('app.tenant_id', $1, true), set_config('app.guest_organisation_id', $2, true)`, [
      binding.member?.id ?? '',
      binding.guest?.id ?? '',
    ]);
    return await fn();
  } finally {
    await app.query('rollback');
  }
}

const count = async (sql: string, params: unknown[] = []) => (await app.query(sql, params)).rows[0].n as number;
const library = () => count(`select count(*)::int as n from hearth.shared_configuration`);

describe('the library in SQL, as the app role', () => {
  it('is read by every member', async () => {
    expect(await as({ member: a }, library)).toBe(1);
    expect(await as({ member: b }, library)).toBe(1);
  });

  it('shows a guest organisation nothing, and nothing with nobody bound', async () => {
    expect(await as({ guest }, library)).toBe(0);
    expect(await as({}, library)).toBe(0);
  });

  it('lets a member publish in its own name only', async () => {
    const own = randomUUID();
    expect(await as({ member: b }, async () => (await app.query(ROW, [own, b.id, own, '1.0'])).rowCount)).toBe(1);
    const id = randomUUID();
    await expect(as({ member: b }, () => app.query(ROW, [id, a.id, id, '1.0']))).rejects.toThrow(/row-level security/);
  });

  it("refuses a guest's publication, in its own name or a member's", async () => {
    const id = randomUUID();
    await expect(as({ guest }, () => app.query(ROW, [id, guest.id, id, '1.0']))).rejects.toThrow(/row-level security/);
    await expect(as({ guest }, () => app.query(ROW, [id, a.id, id, '1.0']))).rejects.toThrow(/row-level security/);
  });

  it("keeps a member from adding a version to another member's piece", async () => {
    await expect(as({ member: b }, () => app.query(ROW, [randomUUID(), b.id, published, '2.0']))).rejects.toThrow(/foreign key/);
  });

  it('lets only the publisher withdraw a version', async () => {
    const withdraw = () => app.query(`update hearth.shared_configuration set withdrawn_at = now(), withdrawn_by = 'probe' where id = $1`, [published]);
    expect(await as({ member: b }, async () => (await withdraw()).rowCount)).toBe(0);
    expect(await as({ guest }, async () => (await withdraw()).rowCount)).toBe(0);
    expect(await as({ member: a }, async () => (await withdraw()).rowCount)).toBe(1);
  });

  it('lets no one, the publisher included, change or delete a published version', async () => {
    await expect(as({ member: a }, () => app.query(`update hearth.shared_configuration set content = '{}' where id = $1`, [published]))).rejects.toThrow(/permission denied/);
    await expect(as({ member: a }, () => app.query(`update hearth.shared_configuration set title = 'Changed' where id = $1`, [published]))).rejects.toThrow(/permission denied/);
    await expect(as({ member: a }, () => app.query(`delete from hearth.shared_configuration where id = $1`, [published]))).rejects.toThrow(/permission denied/);
  });
});

describe("a member's copies in SQL, as the app role", () => {
  const copies = () => count(`select count(*)::int as n from hearth.configuration_adoption`);

  it('are seen by the member that made them only', async () => {
    expect(await as({ member: b }, copies)).toBe(1);
    expect(await as({ member: a }, copies)).toBe(0);
  });

  it('answer a guest, or nobody, with an error rather than rows', async () => {
    await expect(as({ guest }, copies)).rejects.toThrow(/no member is bound/);
    await expect(as({}, copies)).rejects.toThrow(/no member is bound/);
  });
});

describe('the library through GraphQL', () => {
  const LIBRARY = `{ sharedConfigurations { totalCount edges { node { id publisher { slug } mine } } } }`;
  const WITHDRAW = `mutation ($id: ID!) { withdrawSharedConfiguration(id: $id) { __typename ... on ErrorResult { code } } }`;
  const COPIES = `{ configurationAdoptions { totalCount } }`;

  it("shows member B member A's publication, which B cannot withdraw", async () => {
    const seen = await api.gql(LIBRARY, {}, { token: tokens.user('member-b', ['housing-officer']) });
    expect(seen.data?.sharedConfigurations).toEqual({ totalCount: 1, edges: [{ node: { id: published, publisher: { slug: 'member-a' }, mine: false } }] });
    const refused = await api.gql(WITHDRAW, { id: published }, { token: tokens.user('member-b', ['tenant-admin']) });
    expect(refused.data?.withdrawSharedConfiguration).toEqual({ __typename: 'SharedConfigurationNotPublisher', code: 'SHARED_CONFIGURATION_NOT_PUBLISHER' });
    const { rows } = await db.admin.query(`select withdrawn_at from hearth.shared_configuration where id = $1`, [published]);
    expect(rows[0].withdrawn_at).toBeNull();
  });

  it('refuses a guest, whatever roles its token claims, and a guest acting for a member', async () => {
    const asGuest = await api.gql(LIBRARY, {}, { token: tokens.user('guest-council', ['guest']) });
    expect(asGuest.data).toBeNull();
    expect(asGuest.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const claimingStaff = await api.gql(LIBRARY, {}, { token: tokens.user('guest-council', ['tenant-admin']) });
    expect(claimingStaff.data).toBeNull();
    expect(claimingStaff.errors?.[0].extensions?.code).toBe('TENANT_REQUIRED');
    const actingFor = await api.gql(LIBRARY, {}, { token: tokens.user('guest-council', ['tenant-admin']), actFor: 'member-a' });
    expect(actingFor.data).toBeNull();
    expect(actingFor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a member that has not switched the module on', async () => {
    const off = await api.gql(LIBRARY, {}, { token: tokens.user('member-c', ['tenant-admin']) });
    expect(off.errors?.[0].extensions?.code).toBe('MODULE_DISABLED');
  });

  it("keeps each member's copies its own", async () => {
    expect((await api.gql(COPIES, {}, { token: tokens.user('member-b', ['housing-officer']) })).data).toEqual({ configurationAdoptions: { totalCount: 1 } });
    expect((await api.gql(COPIES, {}, { token: tokens.user('member-a', ['housing-officer']) })).data).toEqual({ configurationAdoptions: { totalCount: 0 } });
  });
});
