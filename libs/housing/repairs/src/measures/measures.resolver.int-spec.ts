import { CalendarModule } from '@hearth/platform-calendar';
import { AssetsModule } from '@hearth/housing-assets';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsModule } from '../repairs.module';
import { arrangeAsset, arrangeWorkOrder } from '../hazards/testing/hazard-context';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let other: TestMember;
let assetId: string;

const t = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  member = await insertMember(db.admin, 'measured', { assets: {}, repairs: {} });
  other = await insertMember(db.admin, 'unmeasured', { assets: {}, repairs: {} });
  assetId = await arrangeAsset(db.admin, member.id);
  // RP02 for April 2026 (UK days): emergency 2 of 3 within target; non-emergency 1 of 2. Outside it: before, after, still open, cancelled.
  const order = (emergency: boolean, completedAt: string | null, targetAt: string, status?: string) =>
    arrangeWorkOrder(db.admin, member.id, assetId, { emergency, raisedAt: t('2026-03-01T00:00:00Z'), targetAt: t(targetAt), completedAt: completedAt ? t(completedAt) : null, status });
  await order(true, '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z');
  await order(true, '2026-04-15T10:00:00Z', '2026-04-15T10:00:00Z'); // exactly on target: within
  await order(true, '2026-04-30T22:59:59Z', '2026-04-30T12:00:00Z'); // 23:59:59 BST on 30 April: in the period, late
  await order(false, '2026-04-10T09:00:00Z', '2026-04-20T23:00:00Z', 'inspected');
  await order(false, '2026-04-12T09:00:00Z', '2026-04-11T23:00:00Z');
  await order(false, '2026-03-31T22:59:59Z', '2026-04-30T00:00:00Z'); // 23:59:59 BST on 31 March: before the period
  await order(false, '2026-04-30T23:00:00Z', '2026-05-30T00:00:00Z'); // 00:00 BST on 1 May: after it
  await order(false, null, '2026-04-10T00:00:00Z');
  await order(false, null, '2026-04-10T00:00:00Z', 'cancelled');
  const otherAsset = await arrangeAsset(db.admin, other.id);
  await arrangeWorkOrder(db.admin, other.id, otherAsset, { emergency: true, raisedAt: t('2026-03-01T00:00:00Z'), targetAt: t('2026-04-02T00:00:00Z'), completedAt: t('2026-04-03T00:00:00Z') });

  // Hazard clocks due in April 2026: investigate met in time, met late, missed; safety_work waived (left out); one due in May.
  const clock = async (clock: string, dueAt: string, fields: { metAt?: string; waived?: boolean } = {}) => {
    const { rows } = await db.admin.query(
      `insert into hearth.hazard_case (tenant_id, asset_id, hazard_type, severity, description, aware_at, reported_by)
       values ($1, $2, 'damp_and_mould', 'significant', 'Mould', '2026-03-01', 'test') returning id`,
      [member.id, assetId],
    );
    await db.admin.query(`insert into hearth.hazard_clock (tenant_id, hazard_case_id, clock, due_at, met_at, waived_reason) values ($1, $2, $3, $4, $5, $6)`,
      [member.id, rows[0].id, clock, dueAt, fields.metAt ?? null, fields.waived ? 'not needed' : null]);
  };
  await clock('investigate', '2026-04-10T23:00:00Z', { metAt: '2026-04-09T10:00:00Z' });
  await clock('investigate', '2026-04-10T23:00:00Z', { metAt: '2026-04-11T10:00:00Z' });
  await clock('investigate', '2026-04-20T23:00:00Z');
  await clock('written_summary', '2026-04-20T23:00:00Z', { metAt: '2026-04-20T10:00:00Z' });
  await clock('safety_work', '2026-04-20T23:00:00Z', { waived: true });
  await clock('investigate', '2026-05-20T23:00:00Z');

  api = await serveModulesForTest(db.config, [CalendarModule, AssetsModule, RepairsModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = tokens.user('measured', ['housing-officer']);
const RP02 = `query ($from: String!, $to: String!) { repairsPerformance(from: $from, to: $to) {
  from to emergency { completed withinTarget percentWithinTarget } nonEmergency { completed withinTarget percentWithinTarget } total { completed withinTarget percentWithinTarget } } }`;
const CLOCKS = `query ($from: String!, $to: String!) { hazardClockPerformance(from: $from, to: $to) { clocks { clock metInTime metLate missed running due } } }`;

describe('repairsPerformance (RP02)', () => {
  it('counts work orders completed in the period within target, emergency and non-emergency apart', async () => {
    const res = await api.gql(RP02, { from: '2026-04-01', to: '2026-04-30' }, { token: officer });
    expect(res.errors).toBeUndefined();
    expect(res.data!.repairsPerformance).toEqual({
      from: '2026-04-01', to: '2026-04-30',
      emergency: { completed: 3, withinTarget: 2, percentWithinTarget: 66.7 },
      nonEmergency: { completed: 2, withinTarget: 1, percentWithinTarget: 50 },
      total: { completed: 5, withinTarget: 3, percentWithinTarget: 60 },
    });
  });

  it('answers null percentages for a period with nothing completed', async () => {
    const res = await api.gql(RP02, { from: '2025-01-01', to: '2025-01-31' }, { token: officer });
    expect(res.data!.repairsPerformance.total).toEqual({ completed: 0, withinTarget: 0, percentWithinTarget: null });
  });

  it('refuses a bad period with a message naming the field', async () => {
    const res = await api.gql(RP02, { from: '2026-04-30', to: '2026-04-01' }, { token: officer });
    expect(res.errors?.[0]).toEqual(expect.objectContaining({ message: 'to must not be before from', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    const bad = await api.gql(RP02, { from: '2026-02-30', to: '2026-04-01' }, { token: officer });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is for staff only', async () => {
    const res = await api.gql(RP02, { from: '2026-04-01', to: '2026-04-30' });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('hazardClockPerformance', () => {
  it('counts the clocks due in the period by outcome, leaving waived ones out', async () => {
    const res = await api.gql(CLOCKS, { from: '2026-04-01', to: '2026-04-30' }, { token: officer });
    expect(res.errors).toBeUndefined();
    const byClock = Object.fromEntries(res.data!.hazardClockPerformance.clocks.map(({ clock, ...rest }: { clock: string }) => [clock, rest]));
    expect(byClock).toEqual({
      EMERGENCY_MAKE_SAFE: { metInTime: 0, metLate: 0, missed: 0, running: 0, due: 0 },
      INVESTIGATE: { metInTime: 1, metLate: 1, missed: 1, running: 0, due: 3 },
      WRITTEN_SUMMARY: { metInTime: 1, metLate: 0, missed: 0, running: 0, due: 1 },
      SAFETY_WORK: { metInTime: 0, metLate: 0, missed: 0, running: 0, due: 0 },
      PREVENTATIVE_WORK_BEGIN: { metInTime: 0, metLate: 0, missed: 0, running: 0, due: 0 },
      PREVENTATIVE_WORK_START: { metInTime: 0, metLate: 0, missed: 0, running: 0, due: 0 },
    });
  });
});
