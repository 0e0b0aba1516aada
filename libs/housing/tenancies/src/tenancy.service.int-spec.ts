import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import {
  DwellingNotFound, MutualExchangeRecorded, Tenancy, TenancyInvalid, TenancyNotFound, TenancyOverlaps, TenureNotAllowed,
} from './tenancy.model';
import { TenancyService } from './tenancy.service';
import { arrangeDwelling, arrangePerson, arrangeTenancy, registerCounts } from './testing/register-arrangements';
import { OFFICER, startRegister, workAs } from './testing/register-context';
import { addDays, ukToday } from './uk-date';
import type { StartTenancyInput } from './dto/start-tenancy.input';

let db: TestDatabase;
let app: INestApplicationContext;
let england: TestMember;
let wales: TestMember;
let tenancies: TenancyService;

beforeAll(async () => {
  db = await createTestDatabase();
  england = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  wales = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {} }, { country: 'wales', languages: ['cy', 'en'] });
  app = await startRegister(db.config);
  tenancies = app.get(TenancyService);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const inEngland = <T>(work: () => Promise<T>) => workAs(app, england.id, OFFICER, work);
const today = ukToday();

function tenancy(result: unknown): Tenancy {
  if (!(result instanceof Tenancy)) throw new Error(`expected a tenancy, got ${JSON.stringify(result)}`);
  return result;
}

async function household(tenantId = england.id) {
  return {
    dwellingId: await arrangeDwelling(db.admin, tenantId),
    tenant: await arrangePerson(db.admin, tenantId, 'Sam', 'Patel'),
    partner: await arrangePerson(db.admin, tenantId, 'Alex', 'Patel'),
    child: await arrangePerson(db.admin, tenantId, 'Jo', 'Patel'),
  };
}

const start = (fields: Partial<StartTenancyInput> & Pick<StartTenancyInput, 'dwellingId' | 'tenants'>): StartTenancyInput =>
  ({ tenureType: 'assured', startDate: '2024-04-01', householdMembers: [], references: [], ...fields }) as StartTenancyInput;

async function partiesOf(tenancyId: string) {
  const { rows } = await db.admin.query(
    `select person_id, role, relationship, left_on::text from hearth.tenancy_party where tenancy_id = $1 order by role desc, person_id`,
    [tenancyId],
  );
  return rows;
}

async function eventsOf(tenancyId: string) {
  const { rows } = await db.admin.query(`select kind, occurred_on::text, details from hearth.tenancy_event where tenancy_id = $1 order by recorded_at, kind`, [tenancyId]);
  return rows;
}

describe('starting a tenancy', () => {
  it('records a joint tenancy with its household, references, start event, audit and event', async () => {
    const h = await household();
    const started = tenancy(await inEngland(() =>
      tenancies.start(start({
        dwellingId: h.dwellingId, tenants: [h.tenant, h.partner],
        householdMembers: [{ personId: h.child, relationship: 'child' }],
        references: [{ system: 'orchard', reference: 'T-1' }],
      })),
    ));
    expect(started).toMatchObject({ dwellingId: h.dwellingId, tenureType: 'assured', startDate: '2024-04-01', endDate: null, live: true });
    expect(await partiesOf(started.id)).toEqual(
      expect.arrayContaining([
        { person_id: h.tenant, role: 'tenant', relationship: null, left_on: null },
        { person_id: h.partner, role: 'tenant', relationship: null, left_on: null },
        { person_id: h.child, role: 'household_member', relationship: 'child', left_on: null },
      ]),
    );
    expect(await eventsOf(started.id)).toEqual([{ kind: 'started', occurred_on: '2024-04-01', details: { personIds: [h.tenant, h.partner] } }]);
    const { rows: outbox } = await db.admin.query(`select type, payload from hearth.outbox_event where aggregate_id = $1`, [started.id]);
    expect(outbox).toEqual([{ type: 'tenancies.tenancy.started', payload: expect.objectContaining({ id: started.id, tenantIds: [h.tenant, h.partner] }) }]);
  });

  it('refuses an overlapping tenancy with the clash, writing nothing, and accepts one starting the day after the last ends', async () => {
    const h = await household();
    const existing = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant], startDate: '2021-01-01', endDate: '2024-03-31' });
    const before = await registerCounts(db.admin);
    const clash = await inEngland(() => tenancies.start(start({ dwellingId: h.dwellingId, tenants: [h.partner], startDate: '2024-03-31' })));
    expect(clash).toBeInstanceOf(TenancyOverlaps);
    expect((clash as TenancyOverlaps).clashingTenancy).toMatchObject({ id: existing, startDate: '2021-01-01', endDate: '2024-03-31' });
    expect((clash as TenancyOverlaps).message).toBe(`Dwelling ${h.dwellingId} already has tenancy ${existing} from 2021-01-01 to 2024-03-31`);
    expect(await registerCounts(db.admin)).toEqual(before);

    const next = tenancy(await inEngland(() => tenancies.start(start({ dwellingId: h.dwellingId, tenants: [h.partner], startDate: '2024-04-01' }))));
    expect(next.startDate).toBe('2024-04-01');
  });

  it('answers DwellingNotFound for a missing dwelling, another member\'s, or an asset that is not a dwelling', async () => {
    const h = await household();
    const theirs = await arrangeDwelling(db.admin, wales.id);
    const block = await arrangeDwelling(db.admin, england.id, { kind: 'block' });
    for (const dwellingId of [theirs, '00000000-0000-4000-8000-000000000000']) {
      const result = await inEngland(() => tenancies.start(start({ dwellingId, tenants: [h.tenant] })));
      expect(result).toEqual(expect.objectContaining({ code: 'DWELLING_NOT_FOUND', message: `There is no dwelling ${dwellingId}` }));
    }
    const onBlock = await inEngland(() => tenancies.start(start({ dwellingId: block, tenants: [h.tenant] })));
    expect(onBlock).toBeInstanceOf(DwellingNotFound);
    expect((onBlock as DwellingNotFound).message).toBe(`Asset ${block} is a block, not a dwelling`);
  });

  it('lists every problem with the household and references', async () => {
    const h = await household();
    await arrangeTenancy(db.admin, england.id, { dwellingId: await arrangeDwelling(db.admin, england.id), tenants: [h.child], reference: 'T-TAKEN' });
    const nobody = '00000000-0000-4000-8000-00000000000f';
    const result = await inEngland(() =>
      tenancies.start(start({
        dwellingId: h.dwellingId, tenants: [h.tenant, nobody],
        householdMembers: [{ personId: h.tenant }],
        references: [{ system: 'legacy', reference: 'T-TAKEN' }],
      })),
    );
    expect(result).toBeInstanceOf(TenancyInvalid);
    expect((result as TenancyInvalid).problems.map((p) => p.field)).toEqual(['tenants[1]', 'householdMembers[0]', 'references[0]']);
  });

  it("follows the member's country: a Welsh member grants occupation contracts, not assured tenancies", async () => {
    const h = await household(wales.id);
    const refused = await workAs(app, wales.id, OFFICER, () => tenancies.start(start({ dwellingId: h.dwellingId, tenants: [h.tenant], tenureType: 'assured' })));
    expect(refused).toBeInstanceOf(TenureNotAllowed);
    expect(refused).toMatchObject({ tenureType: 'assured', country: 'wales', allowed: ['secure_contract', 'standard_contract', 'leasehold', 'shared_ownership', 'temporary'] });
    const granted = await workAs(app, wales.id, OFFICER, () =>
      tenancies.start(start({ dwellingId: h.dwellingId, tenants: [h.tenant], tenureType: 'standard_contract' })),
    );
    expect(tenancy(granted).tenureType).toBe('standard_contract');
    expect(await workAs(app, wales.id, OFFICER, () => tenancies.terminology())).toMatchObject({ tenancy: 'occupation contract', tenant: 'contract-holder' });
  });

  it('refuses a Welsh occupation contract in England', async () => {
    const h = await household();
    expect(await inEngland(() => tenancies.start(start({ dwellingId: h.dwellingId, tenants: [h.tenant], tenureType: 'secure_contract' })))).toBeInstanceOf(TenureNotAllowed);
  });
});

describe('ending a tenancy', () => {
  it('sets the last day and reason, records and announces it', async () => {
    const h = await household();
    const id = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant] });
    const ended = tenancy(await inEngland(() => tenancies.end({ id, endDate: '2025-06-30', reason: 'death' })));
    expect(ended).toMatchObject({ endDate: '2025-06-30', endReason: 'death', live: false });
    expect(await eventsOf(id)).toEqual([{ kind: 'ended', occurred_on: '2025-06-30', details: { endReason: 'death' } }]);
  });

  it('refuses an end before the start, a second end, and an unknown tenancy', async () => {
    const h = await household();
    const id = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant], startDate: '2020-01-01', endDate: '2022-01-01' });
    expect(((await inEngland(() => tenancies.end({ id, endDate: '2023-01-01', reason: 'notice' }))) as TenancyInvalid).message).toBe(
      'That tenancy already ends on 2022-01-01 (notice)',
    );
    const open = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant], startDate: '2023-01-01' });
    expect(((await inEngland(() => tenancies.end({ id: open, endDate: '2022-12-31', reason: 'notice' }))) as TenancyInvalid).problems[0].field).toBe('endDate');
    expect(await inEngland(() => tenancies.end({ id: '00000000-0000-4000-8000-000000000000', endDate: today, reason: 'notice' }))).toBeInstanceOf(TenancyNotFound);
  });
});

describe('succession', () => {
  it('makes a household member the tenant when the tenant dies; the tenancy goes on', async () => {
    const h = await household();
    const id = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant], householdMembers: [h.partner] });
    const result = tenancy(await inEngland(() => tenancies.recordSuccession({ tenancyId: id, formerTenantId: h.tenant, successorId: h.partner, date: '2025-02-14' })));
    expect(result).toMatchObject({ id, endDate: null, live: true });
    expect(await partiesOf(id)).toEqual(
      expect.arrayContaining([
        { person_id: h.partner, role: 'tenant', relationship: null, left_on: null },
        { person_id: h.tenant, role: 'tenant', relationship: null, left_on: '2025-02-14' },
      ]),
    );
    expect(await eventsOf(id)).toEqual([
      { kind: 'succession', occurred_on: '2025-02-14', details: { personIds: [h.partner], formerTenantIds: [h.tenant] } },
    ]);
  });

  it('refuses a successor from outside the household and a former tenant who is not one', async () => {
    const h = await household();
    const id = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant], householdMembers: [h.partner] });
    const result = await inEngland(() => tenancies.recordSuccession({ tenancyId: id, formerTenantId: h.partner, successorId: h.child, date: '2025-02-14' }));
    expect((result as TenancyInvalid).problems.map((p) => p.field)).toEqual(['formerTenantId', 'successorId']);
  });
});

describe('mutual exchange', () => {
  it('ends both tenancies the day before and starts each household on the other home, linked by events', async () => {
    const a = await household();
    const b = await household();
    const ours = await arrangeTenancy(db.admin, england.id, { dwellingId: a.dwellingId, tenants: [a.tenant], householdMembers: [a.child], tenureType: 'secure' });
    const theirs = await arrangeTenancy(db.admin, england.id, { dwellingId: b.dwellingId, tenants: [b.tenant, b.partner], tenureType: 'assured' });
    const result = await inEngland(() => tenancies.recordMutualExchange({ tenancyId: ours, withTenancyId: theirs, exchangedOn: '2025-05-01' }));
    expect(result).toBeInstanceOf(MutualExchangeRecorded);
    const { ended, started } = result as MutualExchangeRecorded;
    expect(ended.map((t) => [t.id, t.endDate, t.endReason])).toEqual([[ours, '2025-04-30', 'mutual_exchange'], [theirs, '2025-04-30', 'mutual_exchange']]);
    // Each household takes over the other's tenancy, tenure and all (an exchange is an assignment).
    expect(started.map((t) => [t.dwellingId, t.tenureType, t.startDate])).toEqual([[b.dwellingId, 'assured', '2025-05-01'], [a.dwellingId, 'secure', '2025-05-01']]);
    expect((await partiesOf(started[0].id)).map((p) => [p.person_id, p.role])).toEqual(
      expect.arrayContaining([[a.tenant, 'tenant'], [a.child, 'household_member']]),
    );
    expect(await eventsOf(ours)).toEqual(
      expect.arrayContaining([
        { kind: 'ended', occurred_on: '2025-04-30', details: { endReason: 'mutual_exchange' } },
        { kind: 'mutual_exchange', occurred_on: '2025-05-01', details: { relatedTenancyId: theirs } },
      ]),
    );
    expect(await eventsOf(started[0].id)).toEqual(
      expect.arrayContaining([{ kind: 'mutual_exchange', occurred_on: '2025-05-01', details: { relatedTenancyId: ours } }]),
    );
  });

  it('refuses an exchange with itself or with an ended tenancy', async () => {
    const a = await household();
    const ended = await arrangeTenancy(db.admin, england.id, { dwellingId: a.dwellingId, tenants: [a.tenant], startDate: '2010-01-01', endDate: '2011-01-01' });
    const open = await arrangeTenancy(db.admin, england.id, { dwellingId: a.dwellingId, tenants: [a.partner], startDate: '2012-01-01' });
    expect(((await inEngland(() => tenancies.recordMutualExchange({ tenancyId: open, withTenancyId: open, exchangedOn: today }))) as TenancyInvalid).message).toBe(
      'A tenancy cannot be exchanged with itself',
    );
    expect(((await inEngland(() => tenancies.recordMutualExchange({ tenancyId: open, withTenancyId: ended, exchangedOn: today }))) as TenancyInvalid).problems[0]).toEqual({
      field: 'withTenancyId', message: `Tenancy ${ended} already ends on 2011-01-01`,
    });
  });
});

describe('household members', () => {
  it('joins and leaves, with events; a tenant cannot be removed this way', async () => {
    const h = await household();
    const id = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant] });
    tenancy(await inEngland(() => tenancies.addHouseholdMember({ tenancyId: id, personId: h.child, relationship: 'child', joinedOn: '2024-09-01' })));
    expect(((await inEngland(() => tenancies.addHouseholdMember({ tenancyId: id, personId: h.child }))) as TenancyInvalid).message).toMatch(/already a household member/);
    expect(((await inEngland(() => tenancies.removeHouseholdMember({ tenancyId: id, personId: h.child, leftOn: '2024-08-01' }))) as TenancyInvalid).message).toBe(
      'leftOn must not be before they joined (2024-09-01)',
    );
    tenancy(await inEngland(() => tenancies.removeHouseholdMember({ tenancyId: id, personId: h.child, leftOn: '2025-01-31' })));
    expect(((await inEngland(() => tenancies.removeHouseholdMember({ tenancyId: id, personId: h.tenant }))) as TenancyInvalid).message).toMatch(/is a tenant/);
    expect((await eventsOf(id)).map((e) => [e.kind, e.occurred_on])).toEqual([['party_joined', '2024-09-01'], ['party_left', '2025-01-31']]);
  });

  it('refuses an unknown person and a date outside the tenancy', async () => {
    const h = await household();
    const id = await arrangeTenancy(db.admin, england.id, { dwellingId: h.dwellingId, tenants: [h.tenant], startDate: '2024-01-01' });
    const result = await inEngland(() => tenancies.addHouseholdMember({ tenancyId: id, personId: '00000000-0000-4000-8000-000000000000', joinedOn: '2023-01-01' }));
    expect((result as TenancyInvalid).problems.map((p) => p.field)).toEqual(['joinedOn', 'personId']);
  });
});

describe('listing tenancies', () => {
  let member: string;
  let dwelling: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    member = (await insertMember(db.admin, 'lister', { assets: {}, tenancies: {} })).id;
    dwelling = await arrangeDwelling(db.admin, member);
    const other = await arrangeDwelling(db.admin, member);
    const p = await arrangePerson(db.admin, member, 'Rhys', 'Owen');
    ids.old = await arrangeTenancy(db.admin, member, { dwellingId: dwelling, tenants: [p], startDate: '2010-01-01', endDate: '2015-12-31', tenureType: 'secure' });
    ids.current = await arrangeTenancy(db.admin, member, { dwellingId: dwelling, tenants: [p], startDate: '2016-01-01', tenureType: 'assured' });
    ids.elsewhere = await arrangeTenancy(db.admin, member, { dwellingId: other, tenants: [p], startDate: '2018-05-01', endDate: addDays(today, 30), tenureType: 'starter' });
    ids.future = await arrangeTenancy(db.admin, member, { dwellingId: other, tenants: [p], startDate: addDays(today, 31), tenureType: 'assured' });
  });

  const list = (filter: object, first?: number, after?: string) => workAs(app, member, OFFICER, () => tenancies.list(filter, { first, after }));
  const listed = async (filter: object) => (await list(filter)).edges.map((e) => e.node.id);

  it('filters by dwelling, tenure and whether live today', async () => {
    expect(await listed({ dwellingId: dwelling })).toEqual([ids.current, ids.old]);
    expect(await listed({ tenureType: 'assured' })).toEqual([ids.future, ids.current]);
    expect(await listed({ live: true })).toEqual([ids.elsewhere, ids.current]);
    expect(await listed({ live: false })).toEqual([ids.future, ids.old]);
  });

  it('pages newest first without repeating or skipping', async () => {
    const first = await list({}, 3);
    const second = await list({}, 3, first.pageInfo.endCursor!);
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual([ids.future, ids.elsewhere, ids.current, ids.old]);
    expect([first.totalCount, second.pageInfo.hasNextPage]).toEqual([4, false]);
  });
});
