import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { MemberCalendar } from '@hearth/platform-calendar';
import { AuditLog, hearthContext, Outbox, TransactionManager, type Country } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { HAZARD_CLOCKS, HazardCaseEntity, HazardClockEntity, RepairEntity, type HazardClockKind } from '../repairs.entities';
import { RepairsEvent } from '../repairs.permissions';
import { regimeFor, type ClockRule, type HazardRegime } from './hazard-regime';
import {
  HazardCase, HazardCaseNotFound, HazardClock, HazardClockAlreadyMet, HazardClockNotStarted, HazardClocksRunning, HazardInvalid,
  type HazardCaseConnection,
} from './hazard.model';
import type {
  CloseHazardCaseInput, HazardCasesFilter, OfferAlternativeAccommodationInput, RecordHazardInvestigationInput, RecordHazardMilestoneInput,
  ReportHazardInput,
} from './dto/hazard.input';

const COUNTRY = Symbol('member country');
const byClockOrder = (a: HazardClockEntity, b: HazardClockEntity) => HAZARD_CLOCKS.indexOf(a.clock) - HAZARD_CLOCKS.indexOf(b.clock);

/**
 * Hazard cases and their statutory clocks (Awaab's Law in England). The clocks a case gets come
 * from the regime table (hazard-regime.ts); this service only starts, meets and waives them.
 * Missed clocks are found by escalation, which raises HazardClockMissed once per clock.
 */
@Injectable()
export class HazardService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly calendar: MemberCalendar,
  ) {}

  async find(id: string): Promise<HazardCase | null> {
    const entity = await (await this.transactions.repository(HazardCaseEntity)).findOneBy({ id });
    return entity ? HazardCase.from(entity) : null;
  }

  /** Cases, newest first, paged by key on (tenant_id, number). */
  async list(filter: HazardCasesFilter, args: PageArgs): Promise<HazardCaseConnection> {
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    const conditions: string[] = [];
    if (filter.status) conditions.push(`c.status = ${param(filter.status)}`);
    if (filter.hazardType) conditions.push(`c.hazard_type = ${param(filter.hazardType)}`);
    if (filter.severity) conditions.push(`c.severity = ${param(filter.severity)}`);
    const unmetClock = `select 1 from hearth.hazard_clock k where k.tenant_id = c.tenant_id and k.hazard_case_id = c.id
      and k.met_at is null and k.waived_reason is null`;
    if (filter.clockDueBefore) conditions.push(`exists (${unmetClock} and k.due_at < ${param(filter.clockDueBefore)}::timestamptz)`);
    if (filter.overdue !== undefined) conditions.push(`${filter.overdue ? '' : 'not '}exists (${unmetClock} and k.due_at <= now())`);
    const where = (all: string[]) => (all.length ? `where ${all.join(' and ')}` : '');
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.hazard_case c ${where(conditions)}`, values);
    if (args.after) {
      const [number] = decodeCursor(args.after, 1);
      conditions.push(`c.number < ${param(Number(number))}`);
    }
    const rows = await this.transactions.query<{ id: string }>(
      `select c.id from hearth.hazard_case c ${where(conditions)} order by c.number desc limit ${param((args.first ?? DEFAULT_PAGE_SIZE) + 1)}`,
      values,
    );
    const entities = await (await this.transactions.repository(HazardCaseEntity)).find({
      where: { id: In(rows.map((row) => row.id)) },
      order: { number: 'DESC' },
    });
    return toConnection(entities.map(HazardCase.from), args, total, (hazard) => [hazard.number]);
  }

  /** Opens a case and starts the clocks that run from awareness; the others wait for the investigation. */
  async report(input: ReportHazardInput): Promise<HazardCase | HazardInvalid> {
    const now = new Date();
    const awareAt = input.awareAt ?? now;
    const description = input.description.trim();
    const repairIds = [...new Set(input.repairIds ?? [])];
    const [asset] = await this.transactions.query<{ id: string }>(`select id from hearth.asset where id = $1`, [input.assetId]);
    const problems = [
      ...(asset ? [] : [InputProblem.of('assetId', `There is no asset ${input.assetId}`)]),
      ...(description ? [] : [InputProblem.of('description', 'description must not be blank')]),
      ...(awareAt > now ? [InputProblem.of('awareAt', 'awareAt must not be in the future')] : []),
      ...(await this.repairProblems(repairIds, input.assetId, null)),
    ];
    if (problems.length) return HazardInvalid.of(problems);

    const regime = await this.regimeOf(input);
    const calendar = await this.calendar.forCurrentMember();
    const tenantId = hearthContext.require().requireTenantId();
    const cases = await this.transactions.repository(HazardCaseEntity);
    const entity = await cases.save(cases.create({
      tenantId, assetId: input.assetId, hazardType: input.hazardType, severity: input.severity, description, awareAt, reportedBy: this.actorName(),
    }));
    const clocks = (regime?.clocks ?? []).map((rule) => ({
      tenantId, hazardCaseId: entity.id, clock: rule.clock, dueAt: rule.from === 'aware' ? calendar.due(awareAt, rule.period) : null,
      metAt: null, missedAt: null, waivedReason: null,
    }));
    if (clocks.length) await (await this.transactions.repository(HazardClockEntity)).insert(clocks);
    if (repairIds.length) await this.linkRepairs(entity.id, repairIds);

    const hazard = HazardCase.from(await cases.findOneByOrFail({ id: entity.id }));
    await this.audit.record({ operation: 'reportHazard', targetType: 'hazard_case', targetId: hazard.id, after: { ...hazard, clocks, repairIds } });
    await this.outbox.publish({
      type: RepairsEvent.HazardReported,
      aggregateType: 'hazard_case',
      aggregateId: hazard.id,
      payload: {
        id: hazard.id, number: hazard.number, assetId: hazard.assetId, hazardType: hazard.hazardType, severity: hazard.severity,
        awareAt: awareAt.toISOString(), law: regime?.law ?? null,
        clocks: clocks.map((clock) => ({ clock: clock.clock, dueAt: clock.dueAt?.toISOString() ?? null })), repairIds,
      },
    });
    return hazard;
  }

  /** Meets the investigate clock and starts (or, for work found not needed, waives) the clocks that run from the investigation. */
  async recordInvestigation(input: RecordHazardInvestigationInput): Promise<HazardCase | HazardCaseNotFound | HazardInvalid> {
    const entity = await this.lock(input.caseId);
    if (!entity) return HazardCaseNotFound.of(input.caseId);
    const findings = input.findings.trim();
    const problems = [
      ...this.openProblems(entity),
      ...(entity.investigatedAt ? [InputProblem.of('caseId', `The investigation was already recorded (${entity.investigatedAt.toISOString()})`)] : []),
      ...this.whenProblems('investigatedAt', input.investigatedAt, entity.awareAt, 'the member became aware'),
      ...(findings ? [] : [InputProblem.of('findings', 'findings must not be blank')]),
    ];
    if (problems.length) return HazardInvalid.of(problems);

    const before = HazardCase.from(entity);
    const regime = await this.regimeOf(entity);
    const calendar = await this.calendar.forCurrentMember();
    const clocks = await this.transactions.repository(HazardClockEntity);
    const investigate = await clocks.findOneBy({ hazardCaseId: entity.id, clock: 'investigate' });
    const meetsInvestigate = Boolean(investigate && !investigate.metAt && investigate.waivedReason === null);
    if (meetsInvestigate) {
      investigate!.metAt = input.investigatedAt;
      await clocks.save(investigate!);
    }
    const started = (regime?.clocks ?? []).filter((rule) => rule.from === 'investigation').map((rule) => {
      const needed = !rule.waivedUnless || input[rule.waivedUnless];
      return {
        tenantId: entity.tenantId, hazardCaseId: entity.id, clock: rule.clock,
        dueAt: needed ? calendar.due(input.investigatedAt, rule.period) : null,
        waivedReason: needed ? null : `The investigation found no ${rule.waivedUnless === 'safetyWorkNeeded' ? 'safety' : 'preventative'} work was needed`,
      };
    });
    if (started.length) await clocks.upsert(started, ['tenantId', 'hazardCaseId', 'clock']);
    Object.assign(entity, { investigatedAt: input.investigatedAt, investigationFindings: findings, updatedAt: new Date() });
    await (await this.transactions.repository(HazardCaseEntity)).save(entity);

    const hazard = HazardCase.from(entity);
    await this.audit.record({ operation: 'recordHazardInvestigation', targetType: 'hazard_case', targetId: entity.id, before, after: { ...hazard, clocks: started } });
    if (meetsInvestigate) await this.clockMet(entity, investigate!);
    return hazard;
  }

  async recordMilestone(input: RecordHazardMilestoneInput): Promise<HazardCase | HazardCaseNotFound | HazardInvalid | HazardClockNotStarted | HazardClockAlreadyMet> {
    const entity = await this.lock(input.caseId);
    if (!entity) return HazardCaseNotFound.of(input.caseId);
    const closed = this.openProblems(entity);
    if (closed.length) return HazardInvalid.of(closed);
    if (input.clock === 'investigate') {
      return HazardInvalid.of([InputProblem.of('clock', 'The investigate clock is met by recording the investigation (recordHazardInvestigation)')]);
    }
    const clocks = await this.transactions.repository(HazardClockEntity);
    const clock = await clocks.findOneBy({ hazardCaseId: entity.id, clock: input.clock });
    if (!clock) {
      const has = (await clocks.findBy({ hazardCaseId: entity.id })).sort(byClockOrder).map((c) => c.clock);
      return HazardInvalid.of([InputProblem.of('clock', `This case has no ${input.clock} clock; its clocks are: ${has.join(', ') || 'none'}`)]);
    }
    const rule = await this.ruleOf(entity, clock.clock);
    if (clock.metAt || clock.waivedReason !== null) return HazardClockAlreadyMet.of(HazardClock.from(clock, rule?.duty ?? clock.clock));
    if (!clock.dueAt) return HazardClockNotStarted.of(clock.clock);
    const [startedAt, startName] = rule?.from === 'investigation' ? [entity.investigatedAt!, 'the investigation'] : [entity.awareAt, 'the member became aware'];
    const problems = this.whenProblems('at', input.at, startedAt, `the clock started (${startName})`);
    if (problems.length) return HazardInvalid.of(problems);

    clock.metAt = input.at;
    await clocks.save(clock);
    await this.touch(entity);
    await this.audit.record({ operation: 'recordHazardMilestone', targetType: 'hazard_case', targetId: entity.id, after: { clock: clock.clock, metAt: input.at } });
    await this.clockMet(entity, clock);
    return HazardCase.from(entity);
  }

  async offerAlternativeAccommodation(input: OfferAlternativeAccommodationInput): Promise<HazardCase | HazardCaseNotFound | HazardInvalid> {
    const entity = await this.lock(input.caseId);
    if (!entity) return HazardCaseNotFound.of(input.caseId);
    const note = input.note.trim();
    const problems = [
      ...this.openProblems(entity),
      ...this.whenProblems('offeredAt', input.offeredAt, entity.awareAt, 'the member became aware'),
      ...(note ? [] : [InputProblem.of('note', 'note must not be blank')]),
    ];
    if (problems.length) return HazardInvalid.of(problems);

    const before = HazardCase.from(entity);
    Object.assign(entity, {
      alternativeAccommodationOfferedAt: input.offeredAt, alternativeAccommodationNote: note,
      alternativeAccommodationAccepted: input.accepted ?? null, updatedAt: new Date(),
    });
    await (await this.transactions.repository(HazardCaseEntity)).save(entity);
    const hazard = HazardCase.from(entity);
    await this.audit.record({ operation: 'offerAlternativeAccommodation', targetType: 'hazard_case', targetId: entity.id, before, after: hazard });
    await this.outbox.publish({
      type: RepairsEvent.AlternativeAccommodationOffered,
      aggregateType: 'hazard_case',
      aggregateId: entity.id,
      payload: { id: entity.id, number: entity.number, offeredAt: input.offeredAt.toISOString(), accepted: input.accepted ?? null },
    });
    return hazard;
  }

  async linkRepair(caseId: string, repairId: string): Promise<HazardCase | HazardCaseNotFound | HazardInvalid> {
    const entity = await this.lock(caseId);
    if (!entity) return HazardCaseNotFound.of(caseId);
    const problems = [...this.openProblems(entity), ...(await this.repairProblems([repairId], entity.assetId, entity.id))];
    if (problems.length) return HazardInvalid.of(problems);
    await this.linkRepairs(entity.id, [repairId]);
    await this.touch(entity);
    await this.audit.record({ operation: 'linkRepairToHazard', targetType: 'hazard_case', targetId: entity.id, after: { repairId } });
    return HazardCase.from(entity);
  }

  /**
   * Closes the case. While a clock is pending or running the close is refused, unless forced:
   * then those clocks are waived with the reason. A clock already past due stays missed, so
   * closing never hides a breach.
   */
  async close(input: CloseHazardCaseInput): Promise<HazardCase | HazardCaseNotFound | HazardInvalid | HazardClocksRunning> {
    const entity = await this.lock(input.caseId);
    if (!entity) return HazardCaseNotFound.of(input.caseId);
    const reason = input.reason.trim();
    const problems = [...this.openProblems(entity), ...(reason ? [] : [InputProblem.of('reason', 'reason must not be blank')])];
    if (problems.length) return HazardInvalid.of(problems);
    const now = new Date();
    const clocks = await this.clocksOf(entity);
    const running = clocks.filter((clock) => ['pending', 'running'].includes(clock.status));
    if (running.length && !input.force) return HazardClocksRunning.of(running);

    const before = HazardCase.from(entity);
    if (running.length) {
      await this.transactions.query(
        `update hearth.hazard_clock set waived_reason = $3 where hazard_case_id = $1 and clock = any($2::text[])`,
        [entity.id, running.map((clock) => clock.clock), `Case closed: ${reason}`.slice(0, 1000)],
      );
    }
    Object.assign(entity, { status: 'closed', closedAt: now, closureReason: reason, updatedAt: now });
    await (await this.transactions.repository(HazardCaseEntity)).save(entity);
    const hazard = HazardCase.from(entity);
    await this.audit.record({
      operation: 'closeHazardCase', targetType: 'hazard_case', targetId: entity.id, before,
      after: { ...hazard, waivedClocks: running.map((clock) => clock.clock) },
    });
    await this.outbox.publish({
      type: RepairsEvent.HazardClosed,
      aggregateType: 'hazard_case',
      aggregateId: entity.id,
      payload: { id: entity.id, number: entity.number, closedAt: now.toISOString(), reason, waivedClocks: running.map((clock) => clock.clock) },
    });
    return hazard;
  }

  /** A case's clocks in statutory order, each with its duty and status now. */
  async clocksOf(hazard: Pick<HazardCase, 'id' | 'hazardType' | 'severity'>, rows?: HazardClockEntity[]): Promise<HazardClock[]> {
    const entities = rows ?? (await (await this.transactions.repository(HazardClockEntity)).findBy({ hazardCaseId: hazard.id }));
    const regime = await this.regimeOf(hazard);
    const now = new Date();
    return [...entities].sort(byClockOrder).map((clock) => HazardClock.from(clock, dutyOf(regime, clock.clock), now));
  }

  private async clockMet(entity: HazardCaseEntity, clock: HazardClockEntity): Promise<void> {
    await this.outbox.publish({
      type: RepairsEvent.HazardClockMet,
      aggregateType: 'hazard_case',
      aggregateId: entity.id,
      payload: {
        caseId: entity.id, number: entity.number, clock: clock.clock, dueAt: clock.dueAt?.toISOString() ?? null,
        metAt: clock.metAt!.toISOString(), inTime: Boolean(clock.dueAt && clock.metAt! < clock.dueAt),
      },
    });
  }

  private async regimeOf(hazard: Pick<HazardCase, 'hazardType' | 'severity'>): Promise<HazardRegime | null> {
    return regimeFor(await this.memberCountry(), hazard.hazardType, hazard.severity);
  }

  private async ruleOf(hazard: Pick<HazardCase, 'hazardType' | 'severity'>, clock: HazardClockKind): Promise<ClockRule | undefined> {
    return (await this.regimeOf(hazard))?.clocks.find((rule) => rule.clock === clock);
  }

  private memberCountry(): Promise<Country> {
    return hearthContext.require().memoize(COUNTRY, async () => {
      const [row] = await this.transactions.query<{ country: Country }>(`select country from hearth.tenant where id = hearth.current_tenant_id()`);
      return row.country;
    });
  }

  /** Repairs to link must be this member's, on the case's asset, and not another case's. */
  private async repairProblems(repairIds: string[], assetId: string, caseId: string | null): Promise<InputProblem[]> {
    if (!repairIds.length) return [];
    const repairs = await (await this.transactions.repository(RepairEntity)).findBy({ id: In(repairIds) });
    return repairIds.flatMap((id) => {
      const repair = repairs.find((r) => r.id === id);
      if (!repair) return [InputProblem.of('repairIds', `There is no repair ${id}`)];
      if (repair.assetId !== assetId) return [InputProblem.of('repairIds', `Repair ${repair.number} is on another asset`)];
      if (repair.hazardCaseId && repair.hazardCaseId !== caseId) {
        return [InputProblem.of('repairIds', `Repair ${repair.number} already belongs to hazard case ${repair.hazardCaseId}`)];
      }
      return [];
    });
  }

  private async linkRepairs(caseId: string, repairIds: string[]): Promise<void> {
    await this.transactions.query(`update hearth.repair set hazard_case_id = $1, updated_at = now() where id = any($2::uuid[])`, [caseId, repairIds]);
  }

  private openProblems(entity: HazardCaseEntity): InputProblem[] {
    return entity.status === 'closed' ? [InputProblem.of('caseId', `Hazard case ${entity.number} is closed`)] : [];
  }

  /** A time something was done: not before what it follows, not in the future. */
  private whenProblems(field: string, at: Date, notBefore: Date, notBeforeName: string): InputProblem[] {
    if (at < notBefore) return [InputProblem.of(field, `${field} must not be before ${notBeforeName} (${notBefore.toISOString()})`)];
    if (at > new Date()) return [InputProblem.of(field, `${field} must not be in the future`)];
    return [];
  }

  private async touch(entity: HazardCaseEntity): Promise<void> {
    entity.updatedAt = new Date();
    await (await this.transactions.repository(HazardCaseEntity)).update({ id: entity.id }, { updatedAt: entity.updatedAt });
  }

  private async lock(id: string): Promise<HazardCaseEntity | null> {
    return (await this.transactions.repository(HazardCaseEntity)).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private actorName(): string {
    const actor = hearthContext.require().actor!;
    return actor.name ?? actor.username ?? actor.id;
  }
}

function dutyOf(regime: HazardRegime | null, clock: HazardClockKind): string {
  return regime?.clocks.find((rule) => rule.clock === clock)?.duty ?? clock.replace(/_/g, ' ');
}
