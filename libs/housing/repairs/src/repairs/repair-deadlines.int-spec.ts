import { CalendarModule, WorkingCalendar } from '@hearth/platform-calendar';
import { AssetsModule } from '@hearth/housing-assets';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsModule } from '../repairs.module';
import { arrangeAsset, arrangeWorkOrder } from '../hazards/testing/hazard-context';
import { workingDaysLeft } from './repair-deadlines.resolver';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let assetId: string;

const DAY_MS = 86_400_000;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  member = await insertMember(db.admin, 'deadlines', { assets: {}, repairs: {} });
  await insertMember(db.admin, 'own-priorities', {
    assets: {},
    repairs: { priorities: [{ code: 'p1', name: 'Make safe', target: { hours: 4 }, emergency: true, hactPriority: 1 }] },
  });
  assetId = await arrangeAsset(db.admin, member.id);
  api = await serveModulesForTest(db.config, [CalendarModule, AssetsModule, RepairsModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const PRIORITIES = `{ repairPriorities { code name emergency targetHours targetWorkingDays } }`;
const WORK_ORDER = `query ($id: ID!) { workOrder(id: $id) { workingDaysLeft } }`;
const HAZARD = `query ($id: ID!) { hazardCase(id: $id) { clocks { clock status workingDaysLeft } } }`;

describe('repairPriorities', () => {
  it("answers the default priorities, with each target in hours or working days, to any staff member", async () => {
    const res = await api.gql(PRIORITIES, {}, { token: tokens.user('deadlines', ['housing-officer']) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.repairPriorities).toEqual([
      { code: 'emergency', name: 'Emergency', emergency: true, targetHours: 24, targetWorkingDays: null },
      { code: 'urgent', name: 'Urgent', emergency: false, targetHours: null, targetWorkingDays: 5 },
      { code: 'routine', name: 'Routine', emergency: false, targetHours: null, targetWorkingDays: 20 },
      { code: 'planned', name: 'Planned', emergency: false, targetHours: null, targetWorkingDays: 60 },
    ]);
  });

  it("answers the member's own priorities, not another member's", async () => {
    const res = await api.gql(PRIORITIES, {}, { token: tokens.user('own-priorities', ['repairs-planner']) });
    expect(res.data!.repairPriorities).toEqual([{ code: 'p1', name: 'Make safe', emergency: true, targetHours: 4, targetWorkingDays: null }]);
  });

  it('is refused without a member', async () => {
    const res = await api.gql(PRIORITIES, {}, { token: tokens.user(null, ['housing-officer']) });
    expect(res.errors?.[0].extensions?.code).toBe('TENANT_REQUIRED');
    expect(res.data?.repairPriorities).toBeUndefined();
  });
});

describe('workingDaysLeft', () => {
  const england = new WorkingCalendar('england-and-wales');
  // Urgent, raised 23:59 Friday 22 August 2025: due at the end of Monday 1 September (Monday 25 August a bank holiday).
  const due = new Date('2025-09-01T23:00:00Z');

  it('counts the working days after today up to the day it is due, skipping bank holidays', () => {
    expect(workingDaysLeft(england, due, new Date('2025-08-22T10:00:00Z'))).toBe(5);
    expect(workingDaysLeft(england, due, new Date('2025-08-29T10:00:00Z'))).toBe(1);
  });

  it('is 0 on the day it falls due, and counts working days since when past due', () => {
    expect(workingDaysLeft(england, due, new Date('2025-09-01T08:00:00Z'))).toBe(0);
    expect(workingDaysLeft(england, due, new Date('2025-09-02T08:00:00Z'))).toBe(-1);
    expect(workingDaysLeft(england, due, new Date('2025-09-03T08:00:00Z'))).toBe(-2);
  });

  it('is null with no due time (a clock not started)', () => {
    expect(workingDaysLeft(england, null, new Date())).toBeNull();
  });

  it("is answered on work orders and hazard clocks, on the member's calendar", async () => {
    const officer = tokens.user('deadlines', ['housing-officer']);
    const late = await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: new Date(Date.now() - 40 * DAY_MS), targetAt: new Date(Date.now() - 20 * DAY_MS) });
    const ahead = await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: new Date(), targetAt: new Date(Date.now() + 20 * DAY_MS) });
    // 20 calendar days hold at least 10 working days whatever the holidays (no more than 4 weekend days and 4 holidays in any 20).
    const lateDays = (await api.gql(WORK_ORDER, { id: late }, { token: officer })).data!.workOrder.workingDaysLeft as number;
    const aheadDays = (await api.gql(WORK_ORDER, { id: ahead }, { token: officer })).data!.workOrder.workingDaysLeft as number;
    expect(lateDays).toBeLessThanOrEqual(-10);
    expect(aheadDays).toBeGreaterThanOrEqual(10);

    const { rows } = await db.admin.query(
      `insert into hearth.hazard_case (tenant_id, asset_id, hazard_type, severity, description, aware_at, reported_by)
       values ($1, $2, 'damp_and_mould', 'significant', 'Mould', now(), 'test') returning id`,
      [member.id, assetId],
    );
    await db.admin.query(
      `insert into hearth.hazard_clock (tenant_id, hazard_case_id, clock, due_at) values ($1, $2, 'investigate', now() + interval '20 days'), ($1, $2, 'written_summary', null)`,
      [member.id, rows[0].id],
    );
    const clocks = (await api.gql(HAZARD, { id: rows[0].id }, { token: officer })).data!.hazardCase.clocks as { clock: string; workingDaysLeft: number | null }[];
    expect(clocks.find((clock) => clock.clock === 'INVESTIGATE')!.workingDaysLeft).toBeGreaterThanOrEqual(10);
    expect(clocks.find((clock) => clock.clock === 'WRITTEN_SUMMARY')!.workingDaysLeft).toBeNull();
  });
});
