import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { WorkingCalendar } from '@hearth/platform-calendar';
import { TransactionManager, type Actor } from '@hearth/platform-database';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { DEFAULT_PRIORITIES } from '../repairs.settings';
import { workOrderTimes } from './repair-priorities';
import { RepairService } from './repairs.service';
import { dataOf, insertAsset, insertContractor, insertSorCode, REPAIRS_MODULES } from './testing/repairs-api';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;
let dwelling: string;
let abersDwelling: string;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, repairs: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, repairs: {} }, { country: 'wales', languages: ['cy', 'en'] });
  api = await serveModulesForTest(db.config, REPAIRS_MODULES);
  dwelling = await insertAsset(db.admin, millbrook);
  abersDwelling = await insertAsset(db.admin, aber);
  await insertSorCode(db.admin, millbrook, '603011', { costPence: 1250 });
  await insertSorCode(db.admin, millbrook, '603013', { costPence: 4000 });
  await insertSorCode(db.admin, millbrook, 'OLD01', { active: false });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = (member = 'millbrook') => tokens.user(member, ['housing-officer'], { name: 'Ffion Evans' });
const planner = (member = 'millbrook') => tokens.user(member, ['repairs-planner'], { name: 'Dai Price' });
const callCentre = (scopes = ['repairs:raise']) => tokens.partner('call-centre', 'millbrook', scopes);
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const count = async (table: string) => (await db.admin.query(`select count(*)::int as n from hearth.${table}`)).rows[0].n as number;
const tableCounts = async () => {
  const result: Record<string, number> = {};
  for (const table of ['repair', 'work_order', 'work_order_line', 'work_order_transition', 'outbox_event']) result[table] = await count(table);
  return result;
};

const FAILURES = `... on ErrorResult { __typename code message } ... on RepairInvalid { problems { field message } }`;
const REPORT = `mutation ($input: ReportRepairInput!) { reportRepair(input: $input) { __typename ... on Repair { id number status reportedByKind reportedBy asset { id } } ${FAILURES} } }`;
const TRIAGE = `mutation ($input: TriageRepairInput!) { triageRepair(input: $input) { __typename
  ... on Repair { id status priority trade triagedBy workOrders { id status priority emergency trade raisedAt targetAt warnAt inHouse
    contractor { name } totalCostPence lines { lineNo sorCode quantity unitCostPence costPence } transitions { fromStatus toStatus actorKind } } }
  ${FAILURES} } }`;
const CANCEL = `mutation ($input: CancelRepairInput!) { cancelRepair(input: $input) { __typename ... on Repair { status cancelledReason workOrders { status cancelledReason } } ${FAILURES} } }`;

async function report(token = officer(), assetId = dwelling): Promise<string> {
  const data = dataOf(await api.gql(REPORT, { input: { assetId, description: 'Kitchen tap drips constantly', location: 'kitchen' } }, { token }));
  expect(data.reportRepair.__typename).toBe('Repair');
  return data.reportRepair.id;
}

describe('reportRepair', () => {
  it('records a repair reported by staff, and announces it', async () => {
    const before = await count(`outbox_event where type = 'repairs.repair.reported'`);
    const res = await api.gql(REPORT, { input: { assetId: dwelling, description: 'Boiler not firing', reporterName: 'Mrs Jones', reporterPhone: '029 2087 2087' } }, { token: officer() });
    expect(dataOf(res).reportRepair).toMatchObject({ __typename: 'Repair', status: 'REPORTED', reportedByKind: 'STAFF', reportedBy: 'Ffion Evans', asset: { id: dwelling } });
    expect(await count(`outbox_event where type = 'repairs.repair.reported'`)).toBe(before + 1);
  });

  it('records a repair reported by a partner with repairs:raise as a partner report', async () => {
    const res = await api.gql(REPORT, { input: { assetId: dwelling, description: 'Front door will not lock' } }, { token: callCentre() });
    expect(dataOf(res).reportRepair).toMatchObject({ __typename: 'Repair', reportedByKind: 'PARTNER' });
  });

  it("refuses another member's asset as not found, and a partner without the scope", async () => {
    const before = await count('repair');
    const res = await api.gql(REPORT, { input: { assetId: abersDwelling, description: 'Leak' } }, { token: officer() });
    expect(dataOf(res).reportRepair).toMatchObject({ __typename: 'AssetNotFound', code: 'ASSET_NOT_FOUND' });
    expect(codeOf(await api.gql(REPORT, { input: { assetId: dwelling, description: 'Leak' } }, { token: callCentre(['repairs:read']) }))).toBe('FORBIDDEN');
    expect(await count('repair')).toBe(before);
  });

  it('refuses an empty description with a clear message', async () => {
    const res = await api.gql(REPORT, { input: { assetId: dwelling, description: '   ' } }, { token: officer() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toContain('description must be 1 to 4000 characters');
  });
});

describe('triageRepair', () => {
  it('sets the priority and trade and raises a work order priced from the SOR codes, due on the calendar', async () => {
    const id = await report();
    const res = await api.gql(TRIAGE, {
      input: { repairId: id, priority: 'urgent', trade: 'PLUMBING', workOrders: [{ lines: [{ sorCode: '603011', quantity: 2 }, { sorCode: '603013', quantity: 1 }] }] },
    }, { token: planner() });
    const repair = dataOf(res).triageRepair;
    expect(repair).toMatchObject({ __typename: 'Repair', status: 'TRIAGED', priority: 'urgent', trade: 'PLUMBING', triagedBy: 'Dai Price' });
    const [order] = repair.workOrders;
    expect(order).toMatchObject({
      status: 'RAISED', priority: 'urgent', emergency: false, trade: 'PLUMBING', inHouse: true, contractor: null, totalCostPence: 6500,
      lines: [
        { lineNo: 1, sorCode: '603011', quantity: 2, unitCostPence: 1250, costPence: 2500 },
        { lineNo: 2, sorCode: '603013', quantity: 1, unitCostPence: 4000, costPence: 4000 },
      ],
      transitions: [{ fromStatus: null, toStatus: 'RAISED', actorKind: 'user' }],
    });
    const expected = workOrderTimes(new WorkingCalendar('england-and-wales'), new Date(order.raisedAt), DEFAULT_PRIORITIES[1], 24);
    expect(new Date(order.targetAt)).toEqual(expected.targetAt);
    expect(new Date(order.warnAt)).toEqual(expected.warnAt);
    const events = await db.admin.query(`select type from hearth.outbox_event where aggregate_id in ($1, $2) order by id`, [id, order.id]);
    expect(events.rows.map((row) => row.type)).toEqual(expect.arrayContaining(['repairs.repair.triaged', 'repairs.work_order.raised']));
  });

  it('raises several work orders, copying emergency from the priority, and assigns one straight to a contractor', async () => {
    const sparks = await insertContractor(db.admin, millbrook, 'Sparks Ltd', ['electrical']);
    const id = await report();
    const res = await api.gql(TRIAGE, {
      input: { repairId: id, priority: 'emergency', trade: 'PLUMBING', workOrders: [{ lines: [] }, { trade: 'ELECTRICAL', contractorId: sparks, lines: [] }] },
    }, { token: planner() });
    const orders = dataOf(res).triageRepair.workOrders;
    expect(orders).toHaveLength(2);
    expect(orders.map((o: any) => [o.trade, o.status, o.emergency, o.contractor?.name ?? null])).toEqual(
      expect.arrayContaining([['PLUMBING', 'RAISED', true, null], ['ELECTRICAL', 'ASSIGNED', true, 'Sparks Ltd']]),
    );
    // 24 clock hours; warned a fifth of them (4.8 hours) before.
    for (const order of orders) {
      expect(new Date(order.targetAt).getTime() - new Date(order.raisedAt).getTime()).toBe(24 * 3_600_000);
      expect(new Date(order.targetAt).getTime() - new Date(order.warnAt).getTime()).toBe(4.8 * 3_600_000);
    }
  });

  it('refuses unknown priorities, missing or inactive SOR codes and unsuitable contractors, listing each, and changes nothing', async () => {
    const roofers = await insertContractor(db.admin, millbrook, 'Roof Right', ['roofing']);
    const id = await report();
    const before = await tableCounts();
    const res = await api.gql(TRIAGE, {
      input: {
        repairId: id, priority: 'whenever', trade: 'PLUMBING',
        workOrders: [{ contractorId: roofers, lines: [{ sorCode: '603011', quantity: 1 }, { sorCode: 'NOPE1', quantity: 1 }, { sorCode: 'OLD01', quantity: 1 }] }],
      },
    }, { token: planner() });
    const result = dataOf(res).triageRepair;
    expect(result.__typename).toBe('RepairInvalid');
    expect(result.problems).toEqual([
      { field: 'priority', message: '"whenever" is not one of this member\'s priorities: emergency, urgent, routine, planned' },
      { field: 'workOrders[0].contractorId', message: 'Roof Right does not do plumbing work (only roofing)' },
      { field: 'workOrders[0].lines[1].sorCode', message: 'There is no SOR code NOPE1' },
      { field: 'workOrders[0].lines[2].sorCode', message: 'SOR code OLD01 is no longer active' },
    ]);
    expect(await tableCounts()).toEqual(before);
    expect((await db.admin.query(`select status from hearth.repair where id = $1`, [id])).rows[0].status).toBe('reported');
  });

  it('refuses to triage a repair twice', async () => {
    const id = await report();
    dataOf(await api.gql(TRIAGE, { input: { repairId: id, priority: 'routine', trade: 'GENERAL' } }, { token: planner() }));
    const again = dataOf(await api.gql(TRIAGE, { input: { repairId: id, priority: 'routine', trade: 'GENERAL' } }, { token: planner() }));
    expect(again.triageRepair).toMatchObject({ __typename: 'RepairInvalid', problems: [{ field: 'repairId' }] });
  });

  it('is not for a housing officer, nor for a partner that may only raise repairs', async () => {
    const id = await report();
    const input = { repairId: id, priority: 'routine', trade: 'GENERAL' };
    expect(codeOf(await api.gql(TRIAGE, { input }, { token: officer() }))).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(TRIAGE, { input }, { token: callCentre() }))).toBe('FORBIDDEN');
    expect((await db.admin.query(`select status from hearth.repair where id = $1`, [id])).rows[0].status).toBe('reported');
  });

  it("uses the member's own priorities from its settings", async () => {
    await db.admin.query(`update hearth.tenant_module set settings = $2 where tenant_id = $1 and module_key = 'repairs'`, [
      aber.id, JSON.stringify({ priorities: [{ code: 'p1', name: 'Brys', target: { workingDays: 1 }, emergency: false, hactPriority: 2 }] }),
    ]);
    const id = await report(officer('aber'), abersDwelling);
    const res = await api.gql(TRIAGE, { input: { repairId: id, priority: 'p1', trade: 'GENERAL' } }, { token: planner('aber') });
    const [order] = dataOf(res).triageRepair.workOrders;
    const expected = workOrderTimes(new WorkingCalendar('england-and-wales'), new Date(order.raisedAt), { code: 'p1', name: 'Brys', target: { workingDays: 1 }, emergency: false, hactPriority: 2 }, 24);
    expect(new Date(order.targetAt)).toEqual(expected.targetAt);
  });
});

describe('targets on the calendar', () => {
  const PLANNER: Actor = { kind: 'user', id: 'planner-1', name: 'Dai Price', roles: ['repairs-planner'], scopes: [], organizations: [] };
  // Only Date is faked: the clock reads 23:59 on Friday 22 August 2025 (BST); Monday 25 is the summer bank holiday.
  const NOT_DATE = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

  async function triageAt(now: string, priority: string): Promise<{ raised_at: Date; target_at: Date; warn_at: Date }> {
    const id = await report();
    jest.useFakeTimers({ now: new Date(now), doNotFake: [...NOT_DATE] });
    try {
      await api.app.get(TransactionManager).run({ actor: PLANNER, tenantId: millbrook.id }, () =>
        api.app.get(RepairService).triage({ repairId: id, priority, trade: 'plumbing' }));
    } finally {
      jest.useRealTimers();
    }
    return (await db.admin.query(`select raised_at, target_at, warn_at from hearth.work_order where repair_id = $1`, [id])).rows[0];
  }

  it('counts working days from the day after a report at 23:59 on a Friday, skipping the bank holiday', async () => {
    const order = await triageAt('2025-08-22T22:59:00Z', 'urgent');
    expect(order.raised_at.toISOString()).toBe('2025-08-22T22:59:00.000Z');
    // Tue 26, Wed 27, Thu 28, Fri 29, Mon 1 September: due at the end of that Monday, midnight BST.
    expect(order.target_at.toISOString()).toBe('2025-09-01T23:00:00.000Z');
    expect(order.warn_at.toISOString()).toBe('2025-08-31T23:00:00.000Z');
  });

  it('gives an emergency its hours exactly, across the weekend and the bank holiday', async () => {
    const order = await triageAt('2025-08-22T22:59:00Z', 'emergency');
    expect(order.target_at.toISOString()).toBe('2025-08-23T22:59:00.000Z');
    expect(order.warn_at.toISOString()).toBe('2025-08-23T18:11:00.000Z');
  });
});

describe('cancelRepair', () => {
  it('cancels the repair and its open work orders, with the reason', async () => {
    const id = await report();
    dataOf(await api.gql(TRIAGE, { input: { repairId: id, priority: 'routine', trade: 'GENERAL' } }, { token: planner() }));
    const res = await api.gql(CANCEL, { input: { id, reason: 'Reported twice' } }, { token: planner() });
    expect(dataOf(res).cancelRepair).toEqual({
      __typename: 'Repair', status: 'CANCELLED', cancelledReason: 'Reported twice', workOrders: [{ status: 'CANCELLED', cancelledReason: 'Reported twice' }],
    });
    const again = dataOf(await api.gql(CANCEL, { input: { id, reason: 'Again' } }, { token: planner() }));
    expect(again.cancelRepair).toMatchObject({ __typename: 'RepairInvalid' });
  });
});

describe('queries', () => {
  it('lists repairs newest first, filtered and paged', async () => {
    const LIST = `query ($after: String) { repairs(first: 2, after: $after, filter: { assetId: "${dwelling}", status: REPORTED }) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id reportedAt status } } } }`;
    const first = dataOf(await api.gql(LIST, {}, { token: officer() })).repairs;
    expect(first.edges).toHaveLength(2);
    const second = dataOf(await api.gql(LIST, { after: first.pageInfo.endCursor }, { token: officer() })).repairs;
    const seen = [...first.edges, ...second.edges].map((e: any) => e.node);
    expect(new Set(seen.map((n: any) => n.id)).size).toBe(seen.length);
    expect(seen.every((n: any) => n.status === 'REPORTED')).toBe(true);
    expect(seen.map((n: any) => n.reportedAt)).toEqual([...seen.map((n: any) => n.reportedAt)].sort().reverse());
  });

  it("shows no other member's repairs", async () => {
    const res = dataOf(await api.gql(`{ repairs(first: 100) { edges { node { asset { id } } } } }`, {}, { token: officer('aber') }));
    expect(res.repairs.edges.every((e: any) => e.node.asset.id === abersDwelling)).toBe(true);
  });

  it('loads a nested page of work orders in a number of statements that does not grow with the page (no N+1)', async () => {
    for (let i = 0; i < 12; i++) {
      const id = await report();
      dataOf(await api.gql(TRIAGE, { input: { repairId: id, priority: 'routine', trade: 'PLUMBING', workOrders: [{ lines: [{ sorCode: '603011', quantity: 1 }] }] } }, { token: planner() }));
    }
    const NESTED = `query ($first: Int) { workOrders(first: $first, filter: { status: [RAISED] }) { edges { node {
      number lines { sorCode } transitions { toStatus } appointment { day } attachments { fileId } contractor { name }
      repair { number asset { postcode } workOrders { number } } } } } }`;
    const statements = async (first: number) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await api.gql(NESTED, { first }, { token: planner() });
        expect(dataOf(res).workOrders.edges).toHaveLength(first);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    const small = await statements(3);
    const large = await statements(12);
    expect(large).toBe(small);
  });
});
