import type { INestApplicationContext } from '@nestjs/common';
import { systemActor } from '@hearth/platform-database';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsEvent } from '../repairs.permissions';
import { arrangeAsset, arrangeWorkOrder, startRepairs, workAs } from '../hazards/testing/hazard-context';
import { EscalationTask, type EscalationOutcome } from './escalation.task';

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

let db: TestDatabase;
let app: INestApplicationContext;
let member: TestMember;
let other: TestMember;
let assetId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  member = await insertMember(db.admin, 'escalating', { assets: {}, repairs: {} });
  other = await insertMember(db.admin, 'elsewhere', { assets: {}, repairs: {} });
  assetId = await arrangeAsset(db.admin, member.id);
  app = await startRepairs(db.config);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

beforeEach(async () => {
  await db.admin.query(`truncate hearth.outbox_event, hearth.work_order cascade`);
  await db.admin.query(`delete from hearth.hazard_case`);
});

const escalate = (tenantId = member.id): Promise<EscalationOutcome> =>
  workAs(app, tenantId, systemActor('schedule:repairs.escalation'), () => app.get(EscalationTask).run());

async function events(): Promise<{ type: string; aggregate_id: string; payload: Record<string, unknown> }[]> {
  const { rows } = await db.admin.query(`select type, aggregate_id, payload from hearth.outbox_event order by seq`);
  return rows;
}

async function arrangeClock(tenantId: string, fields: { dueAt: Date | null; metAt?: Date; waivedReason?: string; clock?: string }): Promise<string> {
  const asset = tenantId === member.id ? assetId : await arrangeAsset(db.admin, tenantId);
  const { rows } = await db.admin.query(
    `insert into hearth.hazard_case (tenant_id, asset_id, hazard_type, severity, description, aware_at, reported_by)
     values ($1, $2, 'damp_and_mould', 'significant', 'Black mould', now() - interval '30 days', 'test') returning id`,
    [tenantId, asset],
  );
  await db.admin.query(
    `insert into hearth.hazard_clock (tenant_id, hazard_case_id, clock, due_at, met_at, waived_reason) values ($1, $2, $3, $4, $5, $6)`,
    [tenantId, rows[0].id, fields.clock ?? 'investigate', fields.dueAt, fields.metAt ?? null, fields.waivedReason ?? null],
  );
  return rows[0].id as string;
}

describe('EscalationTask', () => {
  it('warns of a target approaching, then of its breach, each once', async () => {
    const id = await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(20), warnAt: ago(1), targetAt: ago(-2) });
    expect(await escalate()).toEqual({ targetsApproaching: 1, targetsBreached: 0, hazardClocksMissed: 0 });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 });

    await db.admin.query(`update hearth.work_order set target_at = now() - interval '1 minute' where id = $1`, [id]);
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 1, hazardClocksMissed: 0 });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 });

    const raised = await events();
    expect(raised.map((e) => [e.type, e.aggregate_id])).toEqual([
      [RepairsEvent.TargetApproaching, id],
      [RepairsEvent.TargetBreached, id],
    ]);
    expect(raised[1].payload).toEqual(expect.objectContaining({ id, priority: 'routine', emergency: false, targetAt: expect.any(String) }));
    const { rows } = await db.admin.query(`select approaching_notified_at, breach_notified_at from hearth.work_order where id = $1`, [id]);
    expect(rows[0]).toEqual({ approaching_notified_at: expect.any(Date), breach_notified_at: expect.any(Date) });
  });

  it('announces a work order found already past its target as breached only', async () => {
    const id = await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(50), warnAt: ago(30), targetAt: ago(24) });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 1, hazardClocksMissed: 0 });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 });
    expect((await events()).map((e) => [e.type, e.aggregate_id])).toEqual([[RepairsEvent.TargetBreached, id]]);
  });

  it('leaves completed, inspected and cancelled work orders, and ones not yet near their target, alone', async () => {
    await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(50), targetAt: ago(24), completedAt: ago(30) });
    await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(50), targetAt: ago(24), status: 'cancelled' });
    await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(1), warnAt: ago(-5), targetAt: ago(-10) });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 });
    expect(await events()).toEqual([]);
  });

  it('finds a hazard clock missed once, and never one met or waived or not started', async () => {
    const missed = await arrangeClock(member.id, { dueAt: ago(1) });
    await arrangeClock(member.id, { dueAt: ago(1), metAt: ago(2) });
    await arrangeClock(member.id, { dueAt: ago(1), waivedReason: 'No safety work needed', clock: 'safety_work' });
    await arrangeClock(member.id, { dueAt: null, clock: 'written_summary' });
    await arrangeClock(member.id, { dueAt: ago(-1) });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 1 });
    expect(await escalate()).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 });
    const raised = await events();
    expect(raised).toEqual([
      { type: RepairsEvent.HazardClockMissed, aggregate_id: missed, payload: { caseId: missed, number: expect.any(Number), clock: 'investigate', dueAt: expect.any(String) } },
    ]);
  });

  it("works on the bound member's rows only", async () => {
    await arrangeClock(other.id, { dueAt: ago(1) });
    expect(await escalate(member.id)).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 });
    expect(await escalate(other.id)).toEqual({ targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 1 });
  });

  it('raises exactly one event per breach with two workers racing, run after run', async () => {
    const expected = new Map<string, number>();
    const add = (type: string, id: string) => expected.set(`${type} ${id}`, 1);
    const totals = { targetsApproaching: 0, targetsBreached: 0, hazardClocksMissed: 0 };
    for (let round = 0; round < 15; round++) {
      // New work each round, so the racers meet rows both fresh and already claimed.
      for (let i = 0; i < 3; i++) {
        add(RepairsEvent.TargetApproaching, await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(10), warnAt: ago(1), targetAt: ago(-5) }));
        add(RepairsEvent.TargetBreached, await arrangeWorkOrder(db.admin, member.id, assetId, { raisedAt: ago(10), warnAt: ago(5), targetAt: ago(1) }));
      }
      add(RepairsEvent.HazardClockMissed, await arrangeClock(member.id, { dueAt: ago(1) }));
      const outcomes = await Promise.all([escalate(), escalate()]);
      for (const outcome of outcomes) for (const key of Object.keys(totals) as (keyof EscalationOutcome)[]) totals[key] += outcome[key];
    }
    const raised = new Map<string, number>();
    for (const event of await events()) raised.set(`${event.type} ${event.aggregate_id}`, (raised.get(`${event.type} ${event.aggregate_id}`) ?? 0) + 1);
    expect(raised).toEqual(expected);
    expect(totals).toEqual({ targetsApproaching: 45, targetsBreached: 45, hazardClocksMissed: 15 });
  });
});
