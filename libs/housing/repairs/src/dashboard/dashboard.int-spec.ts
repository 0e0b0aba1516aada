import { CalendarModule } from '@hearth/platform-calendar';
import { AssetsModule } from '@hearth/housing-assets';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsModule } from '../repairs.module';
import { arrangeAsset, arrangeRepair, arrangeWorkOrder } from '../hazards/testing/hazard-context';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let other: TestMember;
/** The UK month (YYYY-MM) of each completion arranged, to say which month's RP02 it falls in. */
const completions: { month: string; withinTarget: boolean }[] = [];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);
const ahead = (ms: number) => new Date(Date.now() + ms);
const ukMonth = (at: Date) => at.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }).slice(0, 7);

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  member = await insertMember(db.admin, 'dashboarded', { assets: {}, repairs: {} });
  other = await insertMember(db.admin, 'elsewhere', { assets: {}, repairs: {} });
  const assetId = await arrangeAsset(db.admin, member.id);
  const order = (targetAt: Date, fields: { status?: string; completedAt?: Date } = {}) =>
    arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(90 * DAY), targetAt, ...fields });

  // Open: two past target (breached), one due within the next working day (near), two due later.
  await order(ago(2 * HOUR));
  await order(ago(DAY), { status: 'assigned' });
  await order(ahead(60_000), { status: 'scheduled' });
  await order(ahead(30 * DAY), { status: 'in_progress' });
  await order(ahead(40 * DAY));
  // Finished: completed in target and late this month, inspected (in target) about two months ago, cancelled.
  const completed = async (completedAt: Date, targetAt: Date, status = 'completed') => {
    await order(targetAt, { completedAt, status });
    completions.push({ month: ukMonth(completedAt), withinTarget: completedAt <= targetAt });
  };
  await completed(ago(60_000), ahead(HOUR));
  await completed(ago(60_000), ago(2 * HOUR));
  await completed(ago(62 * DAY), ago(61 * DAY), 'inspected');
  await order(ago(DAY), { status: 'cancelled' });
  // Every repair above was triaged into its work order; one more awaits triage and one was cancelled before any work.
  await db.admin.query(`update hearth.repair set status = 'triaged', triaged_at = now(), priority = 'routine', trade = 'general' where tenant_id = $1`, [member.id]);
  await arrangeRepair(db.admin, member.id, assetId);
  const cancelled = await arrangeRepair(db.admin, member.id, assetId);
  await db.admin.query(`update hearth.repair set status = 'cancelled', cancelled_reason = 'duplicate' where id = $1`, [cancelled]);

  // Hazards: an open case with two clocks running (one due within 7 days), one missed, one met, one waived, one not started;
  // a closed case whose unmet clock no longer counts.
  const hazardCase = async (status: 'open' | 'closed') => {
    const { rows } = await db.admin.query(
      `insert into hearth.hazard_case (tenant_id, asset_id, hazard_type, severity, description, aware_at, reported_by, status, closed_at)
       values ($1, $2, 'damp_and_mould', 'significant', 'Mould', now() - interval '30 days', 'test', $3, case when $3 = 'closed' then now() end) returning id`,
      [member.id, assetId, status],
    );
    return rows[0].id as string;
  };
  const clock = (caseId: string, kind: string, dueAt: Date | null, fields: { metAt?: Date; waived?: boolean } = {}) =>
    db.admin.query(`insert into hearth.hazard_clock (tenant_id, hazard_case_id, clock, due_at, met_at, waived_reason) values ($1, $2, $3, $4, $5, $6)`,
      [member.id, caseId, kind, dueAt, fields.metAt ?? null, fields.waived ? 'not needed' : null]);
  const open = await hazardCase('open');
  await clock(open, 'investigate', ahead(2 * DAY));
  await clock(open, 'written_summary', ahead(20 * DAY));
  await clock(open, 'safety_work', ago(DAY));
  await clock(open, 'preventative_work_begin', ago(DAY), { metAt: ago(2 * DAY) });
  await clock(open, 'emergency_make_safe', ago(DAY), { waived: true });
  await clock(open, 'preventative_work_start', null);
  const closed = await hazardCase('closed');
  await clock(closed, 'investigate', ago(DAY));

  // Another member's breach never shows.
  const otherAsset = await arrangeAsset(db.admin, other.id);
  await arrangeWorkOrder(db.admin, other.id, otherAsset, { raisedAt: ago(10 * DAY), targetAt: ago(DAY) });

  api = await serveModulesForTest(db.config, [CalendarModule, AssetsModule, RepairsModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = tokens.user('dashboarded', ['housing-officer']);
const DASHBOARD = `query ($months: Int) { repairsDashboard(months: $months) {
  asAt openRepairs awaitingTriage openWorkOrders workOrdersByStatus { status count } breached nearBreach nearBreachBefore
  openHazardCases hazardClocksRunning hazardClocksDueSoon hazardClocksMissed
  completedInTarget { month completed withinTarget percentWithinTarget } } }`;

describe('repairsDashboard', () => {
  it("counts the member's open repairs and work orders by status, breached and near breach", async () => {
    const res = await api.gql(DASHBOARD, {}, { token: officer });
    expect(res.errors).toBeUndefined();
    const dashboard = res.data!.repairsDashboard;
    expect(dashboard).toEqual(expect.objectContaining({
      openRepairs: 6,
      awaitingTriage: 1,
      openWorkOrders: 5,
      workOrdersByStatus: [
        { status: 'RAISED', count: 2 },
        { status: 'ASSIGNED', count: 1 },
        { status: 'SCHEDULED', count: 1 },
        { status: 'IN_PROGRESS', count: 1 },
        { status: 'ON_HOLD', count: 0 },
      ],
      breached: 2,
      nearBreach: 1,
    }));
    // The end of the next working day: after now, and at most a long bank-holiday weekend away.
    const nearBefore = Date.parse(dashboard.nearBreachBefore);
    expect(nearBefore).toBeGreaterThan(Date.parse(dashboard.asAt));
    expect(nearBefore).toBeLessThan(Date.parse(dashboard.asAt) + 6 * DAY);
  });

  it('counts the running, soon-due and missed clocks of open hazard cases only', async () => {
    const res = await api.gql(DASHBOARD, {}, { token: officer });
    expect(res.data!.repairsDashboard).toEqual(expect.objectContaining({
      openHazardCases: 1, hazardClocksRunning: 2, hazardClocksDueSoon: 1, hazardClocksMissed: 1,
    }));
  });

  it('gives RP02 for each of the last months, oldest first, with zeros for months with nothing completed', async () => {
    const res = await api.gql(DASHBOARD, { months: 4 }, { token: officer });
    const months: { month: string; completed: number; withinTarget: number; percentWithinTarget: number | null }[] = res.data!.repairsDashboard.completedInTarget;
    expect(months).toHaveLength(4);
    expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort());
    expect(months[3].month).toBe(ukMonth(new Date()));
    const expected = months.map(({ month }) => {
      const done = completions.filter((c) => c.month === month);
      const within = done.filter((c) => c.withinTarget).length;
      return { month, completed: done.length, withinTarget: within, percentWithinTarget: done.length ? Math.round((1000 * within) / done.length) / 10 : null };
    });
    expect(months).toEqual(expected);
    expect(months.reduce((n, m) => n + m.completed, 0)).toBe(3);
  });

  it('refuses a number of months outside 1 to 24, naming the field', async () => {
    const res = await api.gql(DASHBOARD, { months: 0 }, { token: officer });
    expect(res.errors?.[0]).toEqual(expect.objectContaining({
      message: 'months must be a whole number from 1 to 24', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    }));
  });

  it('is for staff only', async () => {
    const res = await api.gql(DASHBOARD, {});
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
