import {Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf, InputProblem, resultUnion } from '@hearth/platform-graphql';
import { AssetNotFound } from '@hearth/housing-assets';
import {
  APPOINTMENT_SLOTS, REPAIR_STATUSES, REPORTED_BY_KINDS, TRADES, WORK_ORDER_STATUSES,
  type AppointmentEntity, type AppointmentSlot as AppointmentSlotValue, type RepairEntity, type RepairStatus as RepairStatusValue,
  type ReportedByKind as ReportedByKindValue, type SorCodeEntity, type Trade as TradeValue, type WorkOrderAttachmentEntity,
  type WorkOrderEntity, type WorkOrderLineEntity, type WorkOrderTransitionEntity,
} from '../repairs.entities';
import { ALLOWED_TRANSITIONS, type WorkOrderStatus as WorkOrderStatusValue } from './work-order.state-machine';

export const Trade = enumOf(TRADES, { name: 'Trade', description: 'The trade a repair needs, which a contractor must offer to take the work order.' });
export type Trade = TradeValue;

export const WorkOrderStatus = enumOf(WORK_ORDER_STATUSES, { name: 'WorkOrderStatus', description: 'Where a work order is; see docs/repairs.md for the moves allowed.' });
export type WorkOrderStatus = WorkOrderStatusValue;

export const RepairStatus = enumOf(REPAIR_STATUSES, { name: 'RepairStatus', description: 'REPORTED until triaged into work orders; CANCELLED before any work was done.' });
export type RepairStatus = RepairStatusValue;

export const ReportedByKind = enumOf(REPORTED_BY_KINDS, { name: 'ReportedByKind', description: "Who reported it: the member's staff, a partner's system (a call centre, say), or a resident." });
export type ReportedByKind = ReportedByKindValue;

export const AppointmentSlot = enumOf(APPOINTMENT_SLOTS, { name: 'AppointmentSlot', description: 'AM (8 to 1), PM (12 to 6), ALL_DAY, or EVENING (after 6).' });
export type AppointmentSlot = AppointmentSlotValue;

@ObjectType({ description: "A priced task of the member's schedule of rates (the NHF SoR or its own)." })
export class SorCode {
  @Field() code!: string;
  @Field() description!: string;
  @Field(() => Trade) trade!: Trade;
  @Field({ description: "A priority code from the member's repairs settings." }) defaultPriority!: string;
  @Field(() => Int, { description: 'The price of one unit, in pence.' }) costPence!: number;
  @Field(() => Int, { description: 'Minutes one unit usually takes.' }) standardMinutes!: number;
  @Field({ description: 'Inactive codes stay on old work orders but cannot be put on new ones.' }) active!: boolean;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: SorCodeEntity): SorCode {
    const { code, description, trade, defaultPriority, costPence, standardMinutes, active, createdAt, updatedAt } = entity;
    return Object.assign(new SorCode(), { code, description, trade, defaultPriority, costPence, standardMinutes, active, createdAt, updatedAt });
  }
}

@ObjectType()
export class SorCodeConnection extends Connection(SorCode) {}

@ObjectType({ description: 'A repair as reported on an asset, and after triage the priority and trade it was given.' })
export class Repair {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'What staff and residents quote, e.g. 1042.' }) number!: number;
  @Field(() => ID) assetId!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'Where in the home, e.g. "kitchen, under the sink".' }) location!: string | null;
  @Field() reportedAt!: Date;
  @Field(() => ReportedByKind) reportedByKind!: ReportedByKind;
  @Field({ description: 'Who recorded it: a person\'s name, or a partner\'s client id.' }) reportedBy!: string;
  @Field(() => String, { nullable: true }) reporterName!: string | null;
  @Field(() => String, { nullable: true }) reporterPhone!: string | null;
  @Field(() => RepairStatus) status!: RepairStatus;
  @Field(() => String, { nullable: true, description: 'Set at triage.' }) priority!: string | null;
  @Field(() => Trade, { nullable: true, description: 'Set at triage.' }) trade!: Trade | null;
  @Field(() => Date, { nullable: true }) triagedAt!: Date | null;
  @Field(() => String, { nullable: true }) triagedBy!: string | null;
  @Field(() => ID, { nullable: true, description: 'The hazard case it belongs to, if any.' }) hazardCaseId!: string | null;
  @Field(() => String, { nullable: true }) cancelledReason!: string | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: RepairEntity): Repair {
    const {
      id, number, assetId, description, location, reportedAt, reportedByKind, reportedBy, reporterName, reporterPhone, status, priority,
      trade, triagedAt, triagedBy, hazardCaseId, cancelledReason, createdAt, updatedAt,
    } = entity;
    return Object.assign(new Repair(), {
      id, number, assetId, description, location, reportedAt, reportedByKind, reportedBy, reporterName, reporterPhone, status, priority,
      trade, triagedAt, triagedBy, hazardCaseId, cancelledReason, createdAt, updatedAt,
    });
  }
}

@ObjectType()
export class RepairConnection extends Connection(Repair) {}

@ObjectType({ description: 'A piece of work for one trade, by the in-house team or a contractor, with its target from its priority.' })
export class WorkOrder {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'What staff and contractors quote, e.g. 10432.' }) number!: number;
  @Field(() => ID) repairId!: string;
  @Field(() => WorkOrderStatus) status!: WorkOrderStatus;
  @Field() priority!: string;
  @Field({ description: 'Counted as an emergency repair (copied from the priority when raised).' }) emergency!: boolean;
  @Field(() => Trade) trade!: Trade;
  @Field(() => ID, { nullable: true, description: 'Null while with the in-house team.' }) contractorId!: string | null;
  @Field() raisedAt!: Date;
  @Field({ description: "When it is due, from its priority's target on the member's working-day calendar." }) targetAt!: Date;
  @Field({ description: 'When it starts being flagged as near its target.' }) warnAt!: Date;
  @Field(() => String, { nullable: true }) onHoldReason!: string | null;
  @Field(() => Date, { nullable: true }) completedAt!: Date | null;
  @Field(() => String, { nullable: true }) completionNotes!: string | null;
  @Field(() => Date, { nullable: true }) inspectedAt!: Date | null;
  @Field(() => String, { nullable: true }) cancelledReason!: string | null;
  @Field({ description: 'Completed after its target, or still open past it.' }) breached!: boolean;
  @Field(() => [WorkOrderStatus], { description: 'Where it may go from here.' }) allowedTransitions!: WorkOrderStatus[];
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(entity: WorkOrderEntity, now = new Date()): WorkOrder {
    const {
      id, number, repairId, status, priority, emergency, trade, contractorId, raisedAt, targetAt, warnAt, onHoldReason, completedAt,
      completionNotes, inspectedAt, cancelledReason, createdAt, updatedAt,
    } = entity;
    const breached = status !== 'cancelled' && (completedAt ?? now) > targetAt;
    return Object.assign(new WorkOrder(), {
      id, number, repairId, status, priority, emergency, trade, contractorId, raisedAt, targetAt, warnAt, onHoldReason, completedAt,
      completionNotes, inspectedAt, cancelledReason, createdAt, updatedAt, breached, allowedTransitions: [...ALLOWED_TRANSITIONS[status]],
    });
  }
}

@ObjectType()
export class WorkOrderConnection extends Connection(WorkOrder) {}

@ObjectType({ description: 'A schedule-of-rates task on a work order, priced when the work order was raised.' })
export class WorkOrderLine {
  @Field(() => Int) lineNo!: number;
  @Field() sorCode!: string;
  @Field() description!: string;
  @Field(() => Float) quantity!: number;
  @Field(() => Int) unitCostPence!: number;
  @Field(() => Int) standardMinutes!: number;
  @Field(() => Int, { description: 'quantity × unitCostPence, rounded to the penny.' }) costPence!: number;

  static from(entity: WorkOrderLineEntity): WorkOrderLine {
    const { lineNo, sorCode, description, quantity, unitCostPence, standardMinutes } = entity;
    return Object.assign(new WorkOrderLine(), {
      lineNo, sorCode, description, quantity, unitCostPence, standardMinutes, costPence: Math.round(quantity * unitCostPence),
    });
  }
}

@ObjectType({ description: 'A status change of a work order: from, to, when, by whom and why.' })
export class WorkOrderTransition {
  @Field(() => ID) id!: string;
  @Field(() => WorkOrderStatus, { nullable: true, description: 'Null for the work order being raised.' }) fromStatus!: WorkOrderStatus | null;
  @Field(() => WorkOrderStatus) toStatus!: WorkOrderStatus;
  @Field() occurredAt!: Date;
  @Field({ description: 'user, partner or system.' }) actorKind!: string;
  @Field() actorId!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;

  static from(entity: WorkOrderTransitionEntity): WorkOrderTransition {
    const { id, fromStatus, toStatus, occurredAt, actorKind, actorId, reason } = entity;
    return Object.assign(new WorkOrderTransition(), { id, fromStatus, toStatus, occurredAt, actorKind, actorId, reason });
  }
}

@ObjectType({ description: 'A visit booked for a work order: a day and a slot.' })
export class Appointment {
  @Field(() => ID) id!: string;
  @Field({ description: 'YYYY-MM-DD.' }) day!: string;
  @Field(() => AppointmentSlot) slot!: AppointmentSlot;
  @Field() bookedAt!: Date;
  @Field() bookedBy!: string;
  @Field(() => Date, { nullable: true, description: 'Set when it was rebooked or the work order closed.' }) cancelledAt!: Date | null;

  static from(entity: AppointmentEntity): Appointment {
    const { id, day, slot, bookedAt, bookedBy, cancelledAt } = entity;
    return Object.assign(new Appointment(), { id, day, slot, bookedAt, bookedBy, cancelledAt });
  }
}

@ObjectType({ description: 'A photo or document recorded with a work order, held in the platform file store.' })
export class WorkOrderAttachment {
  @Field(() => ID) fileId!: string;
  @Field() addedAt!: Date;
  @Field() addedBy!: string;

  static from(entity: WorkOrderAttachmentEntity): WorkOrderAttachment {
    const { fileId, addedAt, addedBy } = entity;
    return Object.assign(new WorkOrderAttachment(), { fileId, addedAt, addedBy });
  }
}

/** Builds a typed failure: `failure(new X(), 'X_CODE', message, extra)`. */
function failure<T extends ErrorResult>(result: T, code: string, message: string, extra: Partial<T> = {}): T {
  return Object.assign(result, { code, message }, extra);
}

@ObjectType({ implements: () => ErrorResult, description: 'The SOR code breaks a rule; nothing was saved.' })
export class SorCodeInvalid implements ErrorResult {
  @Field() code!: 'SOR_CODE_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): SorCodeInvalid {
    return failure(new SorCodeInvalid(), 'SOR_CODE_INVALID', problems.map((p) => p.message).join('; '), { problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No repair with that id is visible to this member.' })
export class RepairNotFound implements ErrorResult {
  @Field() code!: 'REPAIR_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): RepairNotFound {
    return failure(new RepairNotFound(), 'REPAIR_NOT_FOUND', `There is no repair ${id}`, { id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The change breaks a rule of repairs (an unknown priority, bad SOR lines...); nothing was saved.' })
export class RepairInvalid implements ErrorResult {
  @Field() code!: 'REPAIR_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem], { description: 'Each thing wrong, e.g. field "workOrders[0].lines[1].sorCode".' }) problems!: InputProblem[];

  static of(problems: InputProblem[]): RepairInvalid {
    return failure(new RepairInvalid(), 'REPAIR_INVALID', problems.map((p) => p.message).join('; '), { problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No work order with that id is visible to this member.' })
export class WorkOrderNotFound implements ErrorResult {
  @Field() code!: 'WORK_ORDER_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): WorkOrderNotFound {
    return failure(new WorkOrderNotFound(), 'WORK_ORDER_NOT_FOUND', `There is no work order ${id}`, { id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The work order cannot go from its status to the one asked for; nothing changed.' })
export class TransitionRefused implements ErrorResult {
  @Field() code!: 'TRANSITION_REFUSED';
  @Field() message!: string;
  @Field(() => WorkOrderStatus) from!: WorkOrderStatus;
  @Field(() => WorkOrderStatus) to!: WorkOrderStatus;
  @Field(() => [WorkOrderStatus], { description: 'Where it may go from its status.' }) allowed!: WorkOrderStatus[];

  static of(from: WorkOrderStatus, to: WorkOrderStatus): TransitionRefused {
    const allowed = [...ALLOWED_TRANSITIONS[from]];
    const may = allowed.length ? `it may go to ${allowed.join(', ')}` : 'it cannot change any more';
    return failure(new TransitionRefused(), 'TRANSITION_REFUSED', `A work order that is ${from} cannot become ${to}: ${may}`, { from, to, allowed });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The change breaks a rule of work orders (an unsuitable contractor, a day off...); nothing changed.' })
export class WorkOrderInvalid implements ErrorResult {
  @Field() code!: 'WORK_ORDER_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): WorkOrderInvalid {
    return failure(new WorkOrderInvalid(), 'WORK_ORDER_INVALID', problems.map((p) => p.message).join('; '), { problems });
  }
}

export type RepairFailure = AssetNotFound | RepairNotFound | RepairInvalid;
export type WorkOrderFailure = WorkOrderNotFound | TransitionRefused | WorkOrderInvalid;

export const SaveSorCodeResult = resultUnion('SaveSorCodeResult', 'The SOR code as saved, or why not.', [SorCode, SorCodeInvalid]);
export const ReportRepairResult = resultUnion('ReportRepairResult', 'The repair as reported, or why not.', [Repair, AssetNotFound, RepairInvalid]);
export const ChangeRepairResult = resultUnion('ChangeRepairResult', 'The repair after the change, or why not.', [Repair, RepairNotFound, RepairInvalid]);
export const WorkOrderResult = resultUnion('WorkOrderResult', 'The work order after the change, or why not.', [
  WorkOrder, WorkOrderNotFound, TransitionRefused, WorkOrderInvalid,
]);
