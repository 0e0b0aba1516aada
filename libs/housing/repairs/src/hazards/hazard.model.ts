import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf, InputProblem, resultUnion } from '@hearth/platform-graphql';
import {
  HAZARD_CLOCKS, HAZARD_SEVERITIES, HAZARD_TYPES,
  type HazardCaseEntity, type HazardClockEntity, type HazardClockKind as HazardClockKindValue,
  type HazardSeverity as HazardSeverityValue, type HazardType as HazardTypeValue,
} from '../repairs.entities';

export const HazardType = enumOf(HAZARD_TYPES, { name: 'HazardType', description: 'The kind of hazard (HHSRS-style): DAMP_AND_MOULD, EXCESS_COLD, FIRE...' });
export type HazardType = HazardTypeValue;

export const HazardSeverity = enumOf(HAZARD_SEVERITIES, {
  name: 'HazardSeverity',
  description: "EMERGENCY: an imminent and significant risk of harm (Awaab's Law: investigate and make safe within 24 hours). SIGNIFICANT: a significant risk of harm.",
});
export type HazardSeverity = HazardSeverityValue;

export const HazardClockKind = enumOf(HAZARD_CLOCKS, { name: 'HazardClockKind', description: 'A statutory clock of a hazard case; see docs/hazards.md for each.' });
export type HazardClockKind = HazardClockKindValue;

export const HAZARD_CLOCK_STATUSES = ['pending', 'running', 'met', 'met_late', 'missed', 'waived'] as const;
export const HazardClockStatus = enumOf(HAZARD_CLOCK_STATUSES, {
  name: 'HazardClockStatus',
  description:
    'PENDING: not started (it runs from the investigation). RUNNING: started, not met, not yet due. MET: met before it was due. ' +
    'MET_LATE: met at or after it was due. MISSED: due and not met. WAIVED: no longer applies (the investigation found the work not needed, or the case was closed).',
});
export type HazardClockStatus = (typeof HAZARD_CLOCK_STATUSES)[number];

export const HAZARD_CASE_STATUSES = ['open', 'closed'] as const;
export const HazardCaseStatus = enumOf(HAZARD_CASE_STATUSES, { name: 'HazardCaseStatus' });
export type HazardCaseStatus = (typeof HAZARD_CASE_STATUSES)[number];

/** A clock's state at `now`: the one definition the API, the filters and the measures share (see hazardClockStatusSql). */
export function hazardClockStatus(clock: Pick<HazardClockEntity, 'dueAt' | 'metAt' | 'missedAt' | 'waivedReason'>, now: Date): HazardClockStatus {
  if (clock.waivedReason !== null) return 'waived';
  if (clock.metAt) return clock.dueAt && clock.metAt >= clock.dueAt ? 'met_late' : 'met';
  if (!clock.dueAt) return 'pending';
  return clock.missedAt || clock.dueAt <= now ? 'missed' : 'running';
}

/** hazardClockStatus in SQL, over a hazard_clock aliased `k`. */
export const hazardClockStatusSql = (k = 'k') => `case
  when ${k}.waived_reason is not null then 'waived'
  when ${k}.met_at is not null then case when ${k}.met_at >= ${k}.due_at then 'met_late' else 'met' end
  when ${k}.due_at is null then 'pending'
  when ${k}.missed_at is not null or ${k}.due_at <= now() then 'missed'
  else 'running' end`;

@ObjectType({ description: 'A statutory clock of a hazard case: what must be done by when, and whether it was.' })
export class HazardClock {
  @Field(() => HazardClockKind) clock!: HazardClockKind;
  @Field({ description: 'The duty, e.g. "Investigate within 10 working days of becoming aware".' }) duty!: string;
  @Field(() => Date, { nullable: true, description: 'The end of the last day allowed (or awareness + 24 hours); null until the clock starts.' }) dueAt!: Date | null;
  @Field(() => Date, { nullable: true }) metAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When escalation found it missed (and raised HazardClockMissed).' }) missedAt!: Date | null;
  @Field(() => String, { nullable: true }) waivedReason!: string | null;
  @Field(() => HazardClockStatus) status!: HazardClockStatus;

  static from(entity: HazardClockEntity, duty: string, now = new Date()): HazardClock {
    const { clock, dueAt, metAt, missedAt, waivedReason } = entity;
    return Object.assign(new HazardClock(), { clock, duty, dueAt, metAt, missedAt, waivedReason, status: hazardClockStatus(entity, now) });
  }
}

@ObjectType({ description: 'Alternative accommodation offered while the home could not be made safe in time.' })
export class AlternativeAccommodation {
  @Field() offeredAt!: Date;
  @Field() note!: string;
  @Field(() => Boolean, { nullable: true, description: 'Null until the household answers.' }) accepted!: boolean | null;
}

@ObjectType({ description: "A hazard (damp and mould, say) in a home, with its statutory clocks under Awaab's Law." })
export class HazardCase {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'What staff quote, e.g. 104.' }) number!: number;
  @Field(() => ID) assetId!: string;
  @Field(() => HazardType) hazardType!: HazardType;
  @Field(() => HazardSeverity) severity!: HazardSeverity;
  @Field() description!: string;
  @Field({ description: 'When the member became aware: the clocks run from here, or from the investigation.' }) awareAt!: Date;
  @Field() reportedBy!: string;
  @Field(() => Date, { nullable: true }) investigatedAt!: Date | null;
  @Field(() => String, { nullable: true }) investigationFindings!: string | null;
  @Field(() => HazardCaseStatus) status!: HazardCaseStatus;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) closureReason!: string | null;
  @Field(() => AlternativeAccommodation, { nullable: true }) alternativeAccommodation!: AlternativeAccommodation | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: HazardCaseEntity): HazardCase {
    const {
      id, number, assetId, hazardType, severity, description, awareAt, reportedBy, investigatedAt, investigationFindings, status, closedAt,
      closureReason, createdAt, updatedAt,
    } = entity;
    const alternativeAccommodation = entity.alternativeAccommodationOfferedAt
      ? Object.assign(new AlternativeAccommodation(), {
          offeredAt: entity.alternativeAccommodationOfferedAt,
          note: entity.alternativeAccommodationNote ?? '',
          accepted: entity.alternativeAccommodationAccepted,
        })
      : null;
    return Object.assign(new HazardCase(), {
      id, number, assetId, hazardType, severity, description, awareAt, reportedBy, investigatedAt, investigationFindings, status, closedAt,
      closureReason, alternativeAccommodation, createdAt, updatedAt,
    });
  }
}

@ObjectType()
export class HazardCaseConnection extends Connection(HazardCase) {}

@ObjectType({ implements: () => ErrorResult, description: 'No hazard case with that id is visible to this member.' })
export class HazardCaseNotFound implements ErrorResult {
  @Field() code!: 'HAZARD_CASE_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): HazardCaseNotFound {
    return Object.assign(new HazardCaseNotFound(), { code: 'HAZARD_CASE_NOT_FOUND', message: `There is no hazard case ${id}`, id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The change breaks a rule of hazard cases; nothing was saved.' })
export class HazardInvalid implements ErrorResult {
  @Field() code!: 'HAZARD_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): HazardInvalid {
    return Object.assign(new HazardInvalid(), { code: 'HAZARD_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The clock has not started yet (it runs from the investigation); nothing was saved.' })
export class HazardClockNotStarted implements ErrorResult {
  @Field() code!: 'HAZARD_CLOCK_NOT_STARTED';
  @Field() message!: string;
  @Field(() => HazardClockKind) clock!: HazardClockKind;

  static of(clock: HazardClockKind): HazardClockNotStarted {
    return Object.assign(new HazardClockNotStarted(), {
      code: 'HAZARD_CLOCK_NOT_STARTED',
      message: `The ${clock} clock has not started: it runs from the investigation, which has not been recorded`,
      clock,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The clock was already met, or waived; nothing was saved.' })
export class HazardClockAlreadyMet implements ErrorResult {
  @Field() code!: 'HAZARD_CLOCK_ALREADY_MET';
  @Field() message!: string;
  @Field(() => HazardClock) existing!: HazardClock;

  static of(existing: HazardClock): HazardClockAlreadyMet {
    const message = existing.metAt
      ? `The ${existing.clock} clock was already met on ${existing.metAt.toISOString()}`
      : `The ${existing.clock} clock was waived (${existing.waivedReason})`;
    return Object.assign(new HazardClockAlreadyMet(), { code: 'HAZARD_CLOCK_ALREADY_MET', message, existing });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The case still has clocks running; close it with force: true to waive them. Nothing was saved.' })
export class HazardClocksRunning implements ErrorResult {
  @Field() code!: 'HAZARD_CLOCKS_RUNNING';
  @Field() message!: string;
  @Field(() => [HazardClock]) running!: HazardClock[];

  static of(running: HazardClock[]): HazardClocksRunning {
    return Object.assign(new HazardClocksRunning(), {
      code: 'HAZARD_CLOCKS_RUNNING',
      message: `The case still has clocks that are not met, missed or waived: ${running.map((c) => c.clock).join(', ')}. Meet them, or close with force: true to waive them`,
      running,
    });
  }
}

export type HazardFailure = HazardCaseNotFound | HazardInvalid | HazardClockNotStarted | HazardClockAlreadyMet | HazardClocksRunning;

export const ReportHazardResult = resultUnion('ReportHazardResult', 'The new hazard case, or why it was refused.', [HazardCase, HazardInvalid]);
export const ChangeHazardCaseResult = resultUnion('ChangeHazardCaseResult', 'The hazard case as changed, or why nothing changed.', [
  HazardCase, HazardCaseNotFound, HazardInvalid,
]);
export const RecordHazardMilestoneResult = resultUnion('RecordHazardMilestoneResult', 'The hazard case with the clock met, or why nothing changed.', [
  HazardCase, HazardCaseNotFound, HazardInvalid, HazardClockNotStarted, HazardClockAlreadyMet,
]);
export const CloseHazardCaseResult = resultUnion('CloseHazardCaseResult', 'The closed hazard case, or why it stays open.', [
  HazardCase, HazardCaseNotFound, HazardInvalid, HazardClocksRunning,
]);
