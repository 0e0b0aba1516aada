import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { isCalendarDay, MemberCalendar, ukDay } from '@hearth/platform-calendar';
import {
  AppointmentEntity, ContractorEntity, WorkOrderAttachmentEntity, WorkOrderEntity, WorkOrderLineEntity, WorkOrderTransitionEntity,
  type RepairEntity, type Trade,
} from '../repairs.entities';
import { RepairsEvent } from '../repairs.permissions';
import type { RepairPriority } from '../repairs.settings';
import { cursorValues } from './cursors';
import { PartnerScope } from './partner-scope';
import { RepairPriorities, workOrderTimes } from './repair-priorities';
import { TransitionRefused, WorkOrder, WorkOrderInvalid, WorkOrderNotFound, type WorkOrderConnection } from './repairs.model';
import { ALLOWED_TRANSITIONS, CLOSED_STATUSES, type WorkOrderStatus } from './work-order.state-machine';
import type {
  AssignWorkOrderInput, CompleteWorkOrderInput, ScheduleWorkOrderInput, WorkOrdersFilter,
} from './dto/work-order.input';

/** What a status change records: why (on hold, cancelled), when it happened (now unless told), the completion notes. */
export interface TransitionDetails {
  reason?: string;
  at?: Date;
  notes?: string;
}

/** A work order to raise, already checked: its trade, contractor (null: in-house) and priced SOR lines. */
export interface PlannedWorkOrder {
  trade: Trade;
  contractorId: string | null;
  lines: Omit<WorkOrderLineEntity, 'tenantId' | 'workOrderId'>[];
}

type Result = Promise<WorkOrder | WorkOrderNotFound | TransitionRefused | WorkOrderInvalid>;

@Injectable()
export class WorkOrderService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly calendar: MemberCalendar,
    private readonly priorities: RepairPriorities,
    private readonly partners: PartnerScope,
  ) {}

  /** The work order, if this actor may see it (a contractor's system sees only its own). */
  async findById(id: string): Promise<WorkOrderEntity | null> {
    const query = (await this.transactions.repository(WorkOrderEntity)).createQueryBuilder('w').where('w.id = :id', { id });
    await this.restrictToPartner(query);
    return query.getOne();
  }

  private async restrictToPartner(query: SelectQueryBuilder<WorkOrderEntity>): Promise<void> {
    const contractors = await this.partners.contractorIds();
    if (contractors) query.andWhere('w.contractor_id = any(:contractors)', { contractors });
  }

  /** Work orders by target, soonest first, paged by key on work_order_by_status (or the filter's index). */
  async list(filter: WorkOrdersFilter, args: PageArgs): Promise<WorkOrderConnection> {
    const query = (await this.transactions.repository(WorkOrderEntity)).createQueryBuilder('w');
    await this.restrictToPartner(query);
    if (filter.status?.length) query.andWhere('w.status = any(:status)', { status: filter.status });
    if (filter.contractorId) query.andWhere('w.contractor_id = :contractorId', { contractorId: filter.contractorId });
    if (filter.inHouse !== undefined) query.andWhere(filter.inHouse ? 'w.contractor_id is null' : 'w.contractor_id is not null');
    if (filter.priority) query.andWhere('w.priority = :priority', { priority: filter.priority });
    if (filter.targetBefore) query.andWhere('w.target_at < :targetBefore', { targetBefore: filter.targetBefore });
    if (filter.breached !== undefined) {
      const breached = `w.status <> 'cancelled' and coalesce(w.completed_at, now()) > w.target_at`;
      query.andWhere(filter.breached ? breached : `not (${breached})`);
    }
    const total = await query.getCount();
    if (args.after) {
      const [targetAt, id] = cursorValues(args.after, ['instant', 'uuid']);
      query.andWhere('(w.target_at, w.id) > (:targetAt::timestamptz, :id::uuid)', { targetAt, id });
    }
    const rows = await query.orderBy('w.target_at').addOrderBy('w.id').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    const now = new Date();
    return toConnection(rows.map((row) => WorkOrder.from(row, now)), args, total, (w) => [w.targetAt.toISOString(), w.id]);
  }

  /**
   * Raises a work order for a triaged repair: its target from the priority on the member's
   * calendar, counted from now. A contractor given at triage is assigned straight away.
   */
  async raise(repair: RepairEntity, planned: PlannedWorkOrder, priority: RepairPriority): Promise<WorkOrderEntity> {
    const raisedAt = new Date();
    const { approachingWithinHours } = await this.priorities.settings();
    const { targetAt, warnAt } = workOrderTimes(await this.calendar.forCurrentMember(), raisedAt, priority, approachingWithinHours);
    const repository = await this.transactions.repository(WorkOrderEntity);
    const entity = await repository.save(repository.create({
      tenantId: repair.tenantId, repairId: repair.id, status: 'raised', priority: priority.code, emergency: priority.emergency,
      trade: planned.trade, contractorId: null, raisedAt, targetAt, warnAt,
    }));
    if (planned.lines.length) {
      await (await this.transactions.repository(WorkOrderLineEntity)).insert(
        planned.lines.map((line) => ({ ...line, tenantId: entity.tenantId, workOrderId: entity.id })),
      );
    }
    await this.recordTransition(entity, null, 'raised', raisedAt, null);
    await this.audit.record({ operation: 'raiseWorkOrder', targetType: 'work_order', targetId: entity.id, after: { ...WorkOrder.from(entity), lines: planned.lines } });
    await this.outbox.publish({
      type: RepairsEvent.WorkOrderRaised,
      aggregateType: 'work_order',
      aggregateId: entity.id,
      payload: {
        id: entity.id, number: entity.number, repairId: repair.id, priority: entity.priority, emergency: entity.emergency, trade: entity.trade,
        contractorId: planned.contractorId, raisedAt: raisedAt.toISOString(), targetAt: targetAt.toISOString(),
      },
    });
    if (planned.contractorId) await this.move(entity, 'assigned', {}, { contractorId: planned.contractorId });
    return entity;
  }

  /**
   * The one way a work order's status changes. Locks the row, so of two changes at once the
   * second sees the first's result; refuses what the state machine does not allow.
   */
  async transition(id: string, to: WorkOrderStatus, details: TransitionDetails = {}): Result {
    const entity = await this.lock(id);
    if (!entity) return WorkOrderNotFound.of(id);
    return this.move(entity, to, details);
  }

  async assign(input: AssignWorkOrderInput): Result {
    const inHouse = input.inHouse === true;
    if (inHouse === Boolean(input.contractorId)) {
      return WorkOrderInvalid.of([InputProblem.of('contractorId', 'Give either contractorId or inHouse: true')]);
    }
    const entity = await this.lock(input.id);
    if (!entity) return WorkOrderNotFound.of(input.id);
    if (!ALLOWED_TRANSITIONS[entity.status].includes('assigned')) return TransitionRefused.of(entity.status, 'assigned');
    if (input.contractorId) {
      const problem = await this.contractorProblem(input.contractorId, entity.trade, 'contractorId');
      if (problem) return WorkOrderInvalid.of([problem]);
    }
    return this.move(entity, 'assigned', {}, { contractorId: input.contractorId ?? null });
  }

  /** Why the contractor cannot take work of `trade`, if it cannot: missing, inactive, or without the trade. */
  async contractorProblem(contractorId: string, trade: Trade, field: string): Promise<InputProblem | null> {
    const contractor = await (await this.transactions.repository(ContractorEntity)).findOneBy({ id: contractorId });
    if (!contractor) return InputProblem.of(field, `There is no contractor ${contractorId}`);
    if (!contractor.active) return InputProblem.of(field, `${contractor.name} is not active`);
    if (!contractor.trades.includes(trade)) {
      return InputProblem.of(field, `${contractor.name} does not do ${trade} work (only ${contractor.trades.join(', ')})`);
    }
    return null;
  }

  /** Books a visit. A scheduled work order is rebooked: its live appointment is cancelled and a new one made. */
  async schedule(input: ScheduleWorkOrderInput): Result {
    const entity = await this.lock(input.id);
    if (!entity) return WorkOrderNotFound.of(input.id);
    const rebooking = entity.status === 'scheduled';
    if (!rebooking && !ALLOWED_TRANSITIONS[entity.status].includes('scheduled')) return TransitionRefused.of(entity.status, 'scheduled');
    const problem = await this.dayProblem(input.day);
    if (problem) return WorkOrderInvalid.of([problem]);

    const context = hearthContext.require();
    const appointments = await this.transactions.repository(AppointmentEntity);
    await this.cancelAppointment(entity.id);
    const appointment = await appointments.save(appointments.create({
      tenantId: entity.tenantId, workOrderId: entity.id, day: input.day, slot: input.slot, bookedBy: actorLabel(context.actor),
    }));
    await this.audit.record({ operation: 'scheduleWorkOrder', targetType: 'work_order', targetId: entity.id, after: { appointmentId: appointment.id, day: input.day, slot: input.slot } });
    await this.outbox.publish({
      type: RepairsEvent.AppointmentBooked,
      aggregateType: 'work_order',
      aggregateId: entity.id,
      payload: { id: appointment.id, workOrderId: entity.id, number: entity.number, day: input.day, slot: input.slot, rebooked: rebooking },
    });
    return rebooking ? WorkOrder.from(entity) : this.move(entity, 'scheduled', {});
  }

  /** Completes the work, with what was done and the files (photos, certificates) uploaded for it. */
  async complete(input: CompleteWorkOrderInput): Result {
    const entity = await this.lock(input.id);
    if (!entity) return WorkOrderNotFound.of(input.id);
    if (!ALLOWED_TRANSITIONS[entity.status].includes('completed')) return TransitionRefused.of(entity.status, 'completed');
    const found = new Set(
      (await this.transactions.query<{ id: string }>(`select id from hearth.stored_file where id = any($1::uuid[])`, [input.attachmentFileIds])).map((row) => row.id),
    );
    const missing = input.attachmentFileIds.flatMap((fileId, i) =>
      found.has(fileId) ? [] : [InputProblem.of(`attachmentFileIds[${i}]`, `There is no uploaded file ${fileId}`)]);
    if (missing.length) return WorkOrderInvalid.of(missing);

    const result = await this.move(entity, 'completed', { at: input.completedAt, notes: input.notes });
    if (result instanceof WorkOrder && input.attachmentFileIds.length) {
      const addedBy = actorLabel(hearthContext.require().actor);
      await (await this.transactions.repository(WorkOrderAttachmentEntity)).insert(
        input.attachmentFileIds.map((fileId) => ({ tenantId: entity.tenantId, workOrderId: entity.id, fileId, addedBy })),
      );
    }
    return result;
  }

  private async dayProblem(day: string): Promise<InputProblem | null> {
    if (!isCalendarDay(day)) return InputProblem.of('day', `${day} is not a date`);
    if (day < ukDay(new Date())) return InputProblem.of('day', `${day} is in the past`);
    if (!(await this.calendar.forCurrentMember()).isWorkingDay(day)) {
      return InputProblem.of('day', `${day} is not a working day (a weekend, a bank holiday or a day the member is closed)`);
    }
    return null;
  }

  /**
   * Moves a locked work order to `to`, setting what that status needs: the hold reason, the
   * completion time and notes, the inspection time, the cancellation reason.
   */
  private async move(entity: WorkOrderEntity, to: WorkOrderStatus, details: TransitionDetails, changes: Partial<WorkOrderEntity> = {}): Result {
    const from = entity.status;
    if (!ALLOWED_TRANSITIONS[from].includes(to)) return TransitionRefused.of(from, to);
    const now = new Date();
    const at = details.at ?? now;
    const problems = this.detailProblems(entity, to, details, at, now);
    if (problems.length) return WorkOrderInvalid.of(problems);

    const before = WorkOrder.from(entity, now);
    Object.assign(entity, changes, {
      status: to,
      onHoldReason: to === 'on_hold' ? details.reason : null,
      ...(to === 'completed' && { completedAt: at, completionNotes: details.notes ?? null }),
      ...(to === 'inspected' && { inspectedAt: at }),
      ...(to === 'cancelled' && { cancelledReason: details.reason }),
      updatedAt: now,
    });
    await (await this.transactions.repository(WorkOrderEntity)).save(entity);
    if (CLOSED_STATUSES.includes(to) && to !== 'inspected') await this.cancelAppointment(entity.id);
    await this.recordTransition(entity, from, to, at, details.reason ?? null);

    const after = WorkOrder.from(entity, now);
    const actor = hearthContext.require().actor!;
    await this.audit.record({ operation: 'transitionWorkOrder', targetType: 'work_order', targetId: entity.id, before, after });
    await this.outbox.publish({
      type: RepairsEvent.WorkOrderStatusChanged,
      aggregateType: 'work_order',
      aggregateId: entity.id,
      payload: {
        id: entity.id, number: entity.number, repairId: entity.repairId, from, to, at: at.toISOString(),
        actorKind: actor.kind, contractorId: entity.contractorId,
      },
    });
    return after;
  }

  /** What the target status needs from the details, and times that make sense. */
  private detailProblems(entity: WorkOrderEntity, to: WorkOrderStatus, details: TransitionDetails, at: Date, now: Date): InputProblem[] {
    const problems: InputProblem[] = [];
    if ((to === 'on_hold' || to === 'cancelled') && !details.reason?.trim()) problems.push(InputProblem.of('reason', `A reason is needed to put a work order ${to.replace('_', ' ')}`));
    if (details.reason && details.reason.length > 1000) problems.push(InputProblem.of('reason', 'reason must be at most 1000 characters'));
    if (to === 'completed' && !details.notes?.trim()) problems.push(InputProblem.of('notes', 'Completion notes are needed: what was done'));
    if (details.notes && details.notes.length > 4000) problems.push(InputProblem.of('notes', 'notes must be at most 4000 characters'));
    // When it happened, if told (a contractor's update, a completion entered afterwards): never ahead of now, nor before what it follows.
    const field = to === 'completed' ? 'completedAt' : 'at';
    if (at > now) problems.push(InputProblem.of(field, `${field} must not be in the future`));
    const [earliest, event] = to === 'inspected' ? [entity.completedAt!, 'completed'] : [entity.raisedAt, 'raised'];
    if (at < earliest) problems.push(InputProblem.of(field, `${field} must not be before ${earliest.toISOString()}, when it was ${event}`));
    return problems;
  }

  private async recordTransition(entity: WorkOrderEntity, from: WorkOrderStatus | null, to: WorkOrderStatus, occurredAt: Date, reason: string | null): Promise<void> {
    const actor = hearthContext.require().actor!;
    await (await this.transactions.repository(WorkOrderTransitionEntity)).insert({
      tenantId: entity.tenantId, workOrderId: entity.id, fromStatus: from, toStatus: to, occurredAt, actorKind: actor.kind, actorId: actor.id, reason,
    });
  }

  private async cancelAppointment(workOrderId: string): Promise<void> {
    await this.transactions.query(`update hearth.appointment set cancelled_at = now() where work_order_id = $1 and cancelled_at is null`, [workOrderId]);
  }

  private async lock(id: string): Promise<WorkOrderEntity | null> {
    return (await this.transactions.repository(WorkOrderEntity)).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
