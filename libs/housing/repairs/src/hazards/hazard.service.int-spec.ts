import type { INestApplicationContext } from '@nestjs/common';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsEvent } from '../repairs.permissions';
import { HazardCase, type HazardClock } from './hazard.model';
import { HazardService } from './hazard.service';
import type { ReportHazardInput } from './dto/hazard.input';
import { arrangeAsset, arrangeRepair, hazardCounts, PLANNER, startRepairs, workAs } from './testing/hazard-context';

let db: TestDatabase;
let app: INestApplicationContext;
let england: TestMember;
let wales: TestMember;
let assetId: string;
let welshAssetId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  england = await insertMember(db.admin, 'leeds-homes', { assets: {}, repairs: {} });
  wales = await insertMember(db.admin, 'cartrefi', { assets: {}, repairs: {} }, { country: 'wales' });
  assetId = await arrangeAsset(db.admin, england.id);
  welshAssetId = await arrangeAsset(db.admin, wales.id);
  app = await startRepairs(db.config);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const as = <T>(work: (service: HazardService) => Promise<T>, member = england) => workAs(app, member.id, PLANNER, () => work(app.get(HazardService)));
const report = (input: Partial<ReportHazardInput>, member = england) =>
  as((s) => s.report({ assetId, hazardType: 'damp_and_mould', severity: 'significant', description: 'Black mould in the bedroom', ...input }), member);

async function opened(input: Partial<ReportHazardInput>): Promise<HazardCase> {
  const result = await report(input);
  if (!(result instanceof HazardCase)) throw new Error(`expected a case, got ${JSON.stringify(result)}`);
  return result;
}

const clocksOf = (hazard: HazardCase, member = england) => as((s) => s.clocksOf(hazard), member);
const dues = (clocks: HazardClock[]) => Object.fromEntries(clocks.map((c) => [c.clock, c.dueAt?.toISOString() ?? null]));
const statuses = (clocks: HazardClock[]) => Object.fromEntries(clocks.map((c) => [c.clock, c.status]));
const at = (iso: string) => new Date(iso);

describe("reportHazard: Awaab's Law clocks on the member's calendar", () => {
  it('gives a significant damp case 10 working days to investigate, skipping Good Friday and Easter Monday (aware on the Thursday before Easter)', async () => {
    const hazard = await opened({ awareAt: at('2026-04-02T09:00:00Z') });
    expect(dues(await clocksOf(hazard))).toEqual({
      investigate: '2026-04-20T23:00:00.000Z', // the end of Monday 20 April, BST
      written_summary: null, safety_work: null, preventative_work_begin: null, preventative_work_start: null,
    });
    expect(statuses(await clocksOf(hazard))).toEqual({
      investigate: 'missed', written_summary: 'pending', safety_work: 'pending', preventative_work_begin: 'pending', preventative_work_start: 'pending',
    });
  });

  it('skips Christmas, Boxing Day and New Year (aware on 23 December)', async () => {
    const hazard = await opened({ awareAt: at('2025-12-23T14:00:00Z') });
    expect(dues(await clocksOf(hazard)).investigate).toBe('2026-01-10T00:00:00.000Z'); // the end of Friday 9 January, GMT
  });

  it('does not count the day of awareness, even at 23:59 on a Friday before a bank holiday Monday', async () => {
    const hazard = await opened({ awareAt: at('2026-05-22T22:59:00Z') }); // 23:59 BST, Friday 22 May; Monday 25 May is a bank holiday
    expect(dues(await clocksOf(hazard)).investigate).toBe('2026-06-08T23:00:00.000Z'); // the end of Monday 8 June
  });

  it('gives an emergency 24 hours by the clock, across the change to GMT and to BST', async () => {
    const autumn = await opened({ severity: 'emergency', awareAt: at('2026-10-24T11:00:00Z') }); // 12:00 BST Saturday
    expect(dues(await clocksOf(autumn))).toEqual({ emergency_make_safe: '2026-10-25T11:00:00.000Z' }); // 11:00 GMT Sunday
    const spring = await opened({ severity: 'emergency', hazardType: 'electrical', awareAt: at('2026-03-28T12:00:00Z') }); // 12:00 GMT Saturday
    expect(dues(await clocksOf(spring))).toEqual({ emergency_make_safe: '2026-03-29T12:00:00.000Z' }); // 13:00 BST Sunday
  });

  it('records the case, links repairs, audits and announces it', async () => {
    const repairId = await arrangeRepair(db.admin, england.id, assetId);
    const hazard = await opened({ severity: 'emergency', awareAt: at('2026-11-01T10:00:00Z'), repairIds: [repairId] });
    expect(hazard).toEqual(expect.objectContaining({ assetId, hazardType: 'damp_and_mould', severity: 'emergency', status: 'open', reportedBy: 'Dai Price' }));
    const { rows: links } = await db.admin.query(`select hazard_case_id from hearth.repair where id = $1`, [repairId]);
    expect(links[0].hazard_case_id).toBe(hazard.id);
    const { rows: events } = await db.admin.query(`select type, payload from hearth.outbox_event where aggregate_id = $1`, [hazard.id]);
    expect(events).toEqual([{
      type: RepairsEvent.HazardReported,
      payload: expect.objectContaining({ id: hazard.id, severity: 'emergency', clocks: [{ clock: 'emergency_make_safe', dueAt: '2026-11-02T10:00:00.000Z' }], repairIds: [repairId] }),
    }]);
    const { rows: audit } = await db.admin.query(`select operation from hearth.audit_log where target_id = $1`, [hazard.id]);
    expect(audit).toEqual([{ operation: 'reportHazard' }]);
  });

  it('gives a case no statutory clocks where no regime applies: a significant non-damp hazard, or a member in Wales', async () => {
    expect(await clocksOf(await opened({ hazardType: 'excess_cold' }))).toEqual([]);
    const welsh = await report({ assetId: welshAssetId, awareAt: at('2026-04-02T09:00:00Z') }, wales);
    expect(welsh).toBeInstanceOf(HazardCase);
    expect(await clocksOf(welsh as HazardCase, wales)).toEqual([]);
  });

  it("refuses another member's asset, an unknown repair, a blank description and a future awareness, saving nothing", async () => {
    const before = await hazardCounts(db.admin);
    const result = await report({
      assetId: welshAssetId, description: '  ', awareAt: new Date(Date.now() + 3600_000), repairIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(result).toEqual(expect.objectContaining({
      code: 'HAZARD_INVALID',
      problems: [
        expect.objectContaining({ field: 'assetId', message: `There is no asset ${welshAssetId}` }),
        expect.objectContaining({ field: 'description', message: 'description must not be blank' }),
        expect.objectContaining({ field: 'awareAt', message: 'awareAt must not be in the future' }),
        expect.objectContaining({ field: 'repairIds', message: 'There is no repair 00000000-0000-4000-8000-000000000000' }),
      ],
    }));
    expect(await hazardCounts(db.admin)).toEqual(before);
  });
});

describe('recordHazardInvestigation', () => {
  it('meets the investigate clock and starts the others from the investigation, across Easter; 12 weeks is 84 calendar days', async () => {
    const hazard = await opened({ awareAt: at('2026-03-26T09:00:00Z') });
    const result = await as((s) => s.recordInvestigation({
      caseId: hazard.id, investigatedAt: at('2026-04-02T14:00:00Z'), findings: 'Condensation; extractor broken', safetyWorkNeeded: true, preventativeWorkNeeded: true,
    }));
    expect(result).toEqual(expect.objectContaining({ investigatedAt: at('2026-04-02T14:00:00Z'), investigationFindings: 'Condensation; extractor broken' }));
    const clocks = await clocksOf(hazard);
    expect(dues(clocks)).toEqual({
      investigate: '2026-04-13T23:00:00.000Z',
      written_summary: '2026-04-09T23:00:00.000Z', // Tue 7, Wed 8, Thu 9 April: Good Friday and Easter Monday skipped
      safety_work: '2026-04-13T23:00:00.000Z',
      preventative_work_begin: '2026-04-13T23:00:00.000Z',
      preventative_work_start: '2026-06-25T23:00:00.000Z',
    });
    expect(clocks[0]).toEqual(expect.objectContaining({ clock: 'investigate', status: 'met', metAt: at('2026-04-02T14:00:00Z') }));
    const { rows } = await db.admin.query(`select payload from hearth.outbox_event where type = $1 and aggregate_id = $2`, [RepairsEvent.HazardClockMet, hazard.id]);
    expect(rows).toEqual([{ payload: expect.objectContaining({ clock: 'investigate', inTime: true }) }]);
  });

  it('waives the work clocks the investigation found not needed', async () => {
    const hazard = await opened({ awareAt: at('2026-03-26T09:00:00Z') });
    await as((s) => s.recordInvestigation({ caseId: hazard.id, investigatedAt: at('2026-04-02T14:00:00Z'), findings: 'Minor', safetyWorkNeeded: false, preventativeWorkNeeded: false }));
    const clocks = await clocksOf(hazard);
    expect(statuses(clocks)).toEqual({
      investigate: 'met', written_summary: 'missed', safety_work: 'waived', preventative_work_begin: 'waived', preventative_work_start: 'waived',
    });
    expect(clocks.find((c) => c.clock === 'safety_work')!.waivedReason).toBe('The investigation found no safety work was needed');
  });

  it('refuses an investigation before awareness, and a second one, changing nothing', async () => {
    const hazard = await opened({ awareAt: at('2026-03-26T09:00:00Z') });
    const investigation = { caseId: hazard.id, findings: 'Damp', safetyWorkNeeded: true, preventativeWorkNeeded: true };
    const before = await hazardCounts(db.admin);
    expect(await as((s) => s.recordInvestigation({ ...investigation, investigatedAt: at('2026-03-25T09:00:00Z') }))).toEqual(expect.objectContaining({
      code: 'HAZARD_INVALID', message: 'investigatedAt must not be before the member became aware (2026-03-26T09:00:00.000Z)',
    }));
    expect(await hazardCounts(db.admin)).toEqual(before);
    await as((s) => s.recordInvestigation({ ...investigation, investigatedAt: at('2026-04-02T14:00:00Z') }));
    const again = await as((s) => s.recordInvestigation({ ...investigation, investigatedAt: at('2026-04-03T14:00:00Z') }));
    expect(again).toEqual(expect.objectContaining({ code: 'HAZARD_INVALID', message: 'The investigation was already recorded (2026-04-02T14:00:00.000Z)' }));
  });
});

describe('recordHazardMilestone', () => {
  async function investigated(): Promise<HazardCase> {
    const hazard = await opened({ awareAt: at('2026-03-26T09:00:00Z') });
    await as((s) => s.recordInvestigation({ caseId: hazard.id, investigatedAt: at('2026-04-02T14:00:00Z'), findings: 'Damp', safetyWorkNeeded: true, preventativeWorkNeeded: true }));
    return hazard;
  }

  it('meets a clock in time before it is due and late at or after it; an unmet one past due is missed', async () => {
    const hazard = await investigated();
    await as((s) => s.recordMilestone({ caseId: hazard.id, clock: 'written_summary', at: at('2026-04-09T22:59:59Z') }));
    await as((s) => s.recordMilestone({ caseId: hazard.id, clock: 'safety_work', at: at('2026-04-13T23:00:00Z') }));
    await as((s) => s.recordMilestone({ caseId: hazard.id, clock: 'preventative_work_start', at: at('2026-07-01T09:00:00Z') }));
    expect(statuses(await clocksOf(hazard))).toEqual({
      investigate: 'met', written_summary: 'met', safety_work: 'met_late', preventative_work_begin: 'missed', preventative_work_start: 'met_late',
    });
    const { rows } = await db.admin.query(
      `select payload->>'clock' as clock, (payload->>'inTime')::boolean as in_time from hearth.outbox_event where type = $1 and aggregate_id = $2 order by seq`,
      [RepairsEvent.HazardClockMet, hazard.id],
    );
    expect(rows).toEqual([
      { clock: 'investigate', in_time: true }, { clock: 'written_summary', in_time: true }, { clock: 'safety_work', in_time: false },
      { clock: 'preventative_work_start', in_time: false },
    ]);
  });

  it('shows an emergency clock running until it is due', async () => {
    const hazard = await opened({ severity: 'emergency' });
    expect(statuses(await clocksOf(hazard))).toEqual({ emergency_make_safe: 'running' });
    await as((s) => s.recordMilestone({ caseId: hazard.id, clock: 'emergency_make_safe', at: new Date() }));
    expect(statuses(await clocksOf(hazard))).toEqual({ emergency_make_safe: 'met' });
  });

  it('refuses a clock the case does not have, one not started, meeting twice, meeting before the start, and investigate; nothing changes', async () => {
    const emergency = await opened({ severity: 'emergency', awareAt: at('2026-11-01T10:00:00Z') });
    const significant = await opened({ awareAt: at('2026-03-26T09:00:00Z') });
    const done = await investigated();
    await as((s) => s.recordMilestone({ caseId: done.id, clock: 'written_summary', at: at('2026-04-08T10:00:00Z') }));
    const before = await hazardCounts(db.admin);

    expect(await as((s) => s.recordMilestone({ caseId: emergency.id, clock: 'written_summary', at: at('2026-11-01T12:00:00Z') }))).toEqual(
      expect.objectContaining({ code: 'HAZARD_INVALID', message: 'This case has no written_summary clock; its clocks are: emergency_make_safe' }),
    );
    expect(await as((s) => s.recordMilestone({ caseId: significant.id, clock: 'safety_work', at: at('2026-04-01T10:00:00Z') }))).toEqual(
      expect.objectContaining({ code: 'HAZARD_CLOCK_NOT_STARTED', clock: 'safety_work' }),
    );
    expect(await as((s) => s.recordMilestone({ caseId: done.id, clock: 'written_summary', at: at('2026-04-09T10:00:00Z') }))).toEqual(
      expect.objectContaining({ code: 'HAZARD_CLOCK_ALREADY_MET', message: 'The written_summary clock was already met on 2026-04-08T10:00:00.000Z' }),
    );
    expect(await as((s) => s.recordMilestone({ caseId: done.id, clock: 'safety_work', at: at('2026-04-01T10:00:00Z') }))).toEqual(
      expect.objectContaining({ code: 'HAZARD_INVALID', message: 'at must not be before the clock started (the investigation) (2026-04-02T14:00:00.000Z)' }),
    );
    expect(await as((s) => s.recordMilestone({ caseId: significant.id, clock: 'investigate', at: at('2026-04-01T10:00:00Z') }))).toEqual(
      expect.objectContaining({ code: 'HAZARD_INVALID' }),
    );
    expect(await hazardCounts(db.admin)).toEqual(before);
  });

  it("does not find another member's case, and changes nothing", async () => {
    const welsh = (await report({ assetId: welshAssetId, severity: 'emergency' }, wales)) as HazardCase;
    const before = await hazardCounts(db.admin);
    const attempts: ((s: HazardService) => Promise<unknown>)[] = [
      (s: HazardService) => s.recordMilestone({ caseId: welsh.id, clock: 'emergency_make_safe', at: new Date() }),
      (s: HazardService) => s.close({ caseId: welsh.id, reason: 'x', force: true }),
      (s: HazardService) => s.offerAlternativeAccommodation({ caseId: welsh.id, offeredAt: new Date(), note: 'x' }),
    ];
    for (const attempt of attempts) {
      expect(await as(attempt)).toEqual(expect.objectContaining({ code: 'HAZARD_CASE_NOT_FOUND' }));
    }
    expect(await as((s) => s.find(welsh.id))).toBeNull();
    expect(await hazardCounts(db.admin)).toEqual(before);
  });
});

describe('offerAlternativeAccommodation, linkRepairToHazard and closeHazardCase', () => {
  it('records an offer and announces it', async () => {
    const hazard = await opened({ severity: 'emergency' });
    const result = await as((s) => s.offerAlternativeAccommodation({ caseId: hazard.id, offeredAt: new Date(), note: 'Two nights at the Premier Inn', accepted: true }));
    expect((result as HazardCase).alternativeAccommodation).toEqual(expect.objectContaining({ note: 'Two nights at the Premier Inn', accepted: true }));
    const { rows } = await db.admin.query(`select type from hearth.outbox_event where aggregate_id = $1 order by seq`, [hazard.id]);
    expect(rows.map((r) => r.type)).toEqual([RepairsEvent.HazardReported, RepairsEvent.AlternativeAccommodationOffered]);
  });

  it("links a repair on the case's asset, and refuses one on another asset or already another case's", async () => {
    const hazard = await opened({ severity: 'emergency' });
    const repairId = await arrangeRepair(db.admin, england.id, assetId);
    expect(await as((s) => s.linkRepair(hazard.id, repairId))).toBeInstanceOf(HazardCase);
    const elsewhere = await arrangeRepair(db.admin, england.id, await arrangeAsset(db.admin, england.id));
    const otherCase = await opened({ severity: 'emergency' });
    expect(await as((s) => s.linkRepair(hazard.id, elsewhere))).toEqual(expect.objectContaining({ code: 'HAZARD_INVALID', message: expect.stringMatching(/is on another asset$/) }));
    expect(await as((s) => s.linkRepair(otherCase.id, repairId))).toEqual(
      expect.objectContaining({ code: 'HAZARD_INVALID', message: expect.stringContaining(`already belongs to hazard case ${hazard.id}`) }),
    );
  });

  it('refuses to close while clocks run; forced, waives them but leaves a missed clock missed', async () => {
    const hazard = await opened({ awareAt: at('2026-03-26T09:00:00Z') }); // investigate: missed; the rest pending
    const refused = await as((s) => s.close({ caseId: hazard.id, reason: 'Tenant moved out' }));
    expect(refused).toEqual(expect.objectContaining({ code: 'HAZARD_CLOCKS_RUNNING' }));
    expect((refused as { running: HazardClock[] }).running.map((c) => c.clock)).toEqual([
      'written_summary', 'safety_work', 'preventative_work_begin', 'preventative_work_start',
    ]);
    const closed = await as((s) => s.close({ caseId: hazard.id, reason: 'Tenant moved out', force: true }));
    expect(closed).toEqual(expect.objectContaining({ status: 'closed', closureReason: 'Tenant moved out' }));
    expect(statuses(await clocksOf(hazard))).toEqual({
      investigate: 'missed', written_summary: 'waived', safety_work: 'waived', preventative_work_begin: 'waived', preventative_work_start: 'waived',
    });
    expect(await as((s) => s.recordMilestone({ caseId: hazard.id, clock: 'investigate', at: new Date() }))).toEqual(
      expect.objectContaining({ code: 'HAZARD_INVALID', message: `Hazard case ${hazard.number} is closed` }),
    );
  });
});
