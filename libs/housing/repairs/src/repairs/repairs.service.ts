import { Injectable } from '@nestjs/common';
import type { SelectQueryBuilder } from 'typeorm';
import { In } from 'typeorm';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager, type Actor } from '@hearth/platform-database';
import { DEFAULT_PAGE_SIZE, InputProblem, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { AssetEntity, AssetNotFound } from '@hearth/housing-assets';
import { RepairEntity, SorCodeEntity, WorkOrderEntity, type ReportedByKind } from '../repairs.entities';
import { RepairsEvent } from '../repairs.permissions';
import { cursorValues } from './cursors';
import { RepairPriorities } from './repair-priorities';
import { Repair, RepairInvalid, RepairNotFound, type RepairConnection, type RepairFailure } from './repairs.model';
import { CLOSED_STATUSES } from './work-order.state-machine';
import { PartnerScope } from './partner-scope';
import { WorkOrderService, type PlannedWorkOrder } from './work-orders.service';
import type { CancelRepairInput, RepairsFilter, ReportRepairInput, TriageRepairInput } from './dto/repair.input';

/** Staff report as staff, a partner's system (a call centre, a council) as a partner; residents will report through their own channel. */
const REPORTED_BY: Record<Actor['kind'], ReportedByKind> = { user: 'staff', system: 'staff', partner: 'partner' };

@Injectable()
export class RepairService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly priorities: RepairPriorities,
    private readonly workOrders: WorkOrderService,
    private readonly partners: PartnerScope,
  ) {}

  /** The repair, if this actor may see it (a contractor's system sees those it has work orders on). */
  async find(id: string): Promise<RepairEntity | null> {
    const query = (await this.transactions.repository(RepairEntity)).createQueryBuilder('r').where('r.id = :id', { id });
    await this.restrictToPartner(query);
    return query.getOne();
  }

  private async restrictToPartner(query: SelectQueryBuilder<RepairEntity>): Promise<void> {
    const contractors = await this.partners.contractorIds();
    if (contractors) {
      query.andWhere('exists (select 1 from hearth.work_order w where w.repair_id = r.id and w.contractor_id = any(:contractors))', { contractors });
    }
  }

  /** Repairs, newest report first, paged by key on repair_by_reported (repair_by_asset for one asset). */
  async list(filter: RepairsFilter, args: PageArgs): Promise<RepairConnection> {
    const query = (await this.transactions.repository(RepairEntity)).createQueryBuilder('r');
    await this.restrictToPartner(query);
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.assetId) query.andWhere('r.asset_id = :assetId', { assetId: filter.assetId });
    if (filter.priority) query.andWhere('r.priority = :priority', { priority: filter.priority });
    if (filter.reportedFrom) query.andWhere('r.reported_at >= :reportedFrom', { reportedFrom: filter.reportedFrom });
    if (filter.reportedTo) query.andWhere('r.reported_at < :reportedTo', { reportedTo: filter.reportedTo });
    const total = await query.getCount();
    if (args.after) {
      const [reportedAt, id] = cursorValues(args.after, ['instant', 'uuid']);
      query.andWhere('(r.reported_at, r.id) < (:reportedAt::timestamptz, :id::uuid)', { reportedAt, id });
    }
    const rows = await query.orderBy('r.reported_at', 'DESC').addOrderBy('r.id', 'DESC').limit((args.first ?? DEFAULT_PAGE_SIZE) + 1).getMany();
    return toConnection(rows.map(Repair.from), args, total, (repair) => [repair.reportedAt.toISOString(), repair.id]);
  }

  async report(input: ReportRepairInput): Promise<Repair | RepairFailure> {
    const asset = await (await this.transactions.repository(AssetEntity)).findOneBy({ id: input.assetId });
    if (!asset) return AssetNotFound.of(input.assetId);
    const actor = hearthContext.require().actor!;
    const repository = await this.transactions.repository(RepairEntity);
    const entity = await repository.save(repository.create({
      tenantId: asset.tenantId, assetId: asset.id, description: input.description, location: input.location ?? null,
      reportedAt: new Date(), reportedByKind: REPORTED_BY[actor.kind], reportedBy: actorLabel(actor),
      reporterName: input.reporterName ?? null, reporterPhone: input.reporterPhone ?? null, status: 'reported',
    }));
    const repair = Repair.from(entity);
    await this.audit.record({ operation: 'reportRepair', targetType: 'repair', targetId: entity.id, after: repair });
    await this.outbox.publish({
      type: RepairsEvent.RepairReported,
      aggregateType: 'repair',
      aggregateId: entity.id,
      payload: { id: entity.id, number: entity.number, assetId: entity.assetId, reportedByKind: entity.reportedByKind, reportedAt: entity.reportedAt.toISOString() },
    });
    return repair;
  }

  /**
   * Gives a reported repair its priority and trade and raises its work orders (one for the
   * repair's trade, with no lines, unless others are given). Every line's SOR code and every
   * contractor is checked before anything is written.
   */
  async triage(input: TriageRepairInput): Promise<Repair | RepairFailure> {
    const entity = await this.lock(input.repairId);
    if (!entity) return RepairNotFound.of(input.repairId);
    if (entity.status !== 'reported') return RepairInvalid.of([InputProblem.of('repairId', `Repair ${entity.number} is already ${entity.status}`)]);
    const priority = await this.priorities.find(input.priority);
    const plans = input.workOrders ?? [{ lines: [] }];
    const problems = priority ? [] : [InputProblem.of('priority', `"${input.priority}" is not one of this member's priorities: ${(await this.priorities.codes()).join(', ')}`)];

    const codes = [...new Set(plans.flatMap((plan) => plan.lines.map((line) => line.sorCode)))];
    const sorCodes = new Map((await (await this.transactions.repository(SorCodeEntity)).findBy({ code: In(codes) })).map((sor) => [sor.code, sor]));
    const planned: PlannedWorkOrder[] = [];
    for (const [i, plan] of plans.entries()) {
      const trade = plan.trade ?? input.trade;
      if (plan.contractorId) {
        const problem = await this.workOrders.contractorProblem(plan.contractorId, trade, `workOrders[${i}].contractorId`);
        if (problem) problems.push(problem);
      }
      const lines = plan.lines.flatMap((line, j) => {
        const sor = sorCodes.get(line.sorCode);
        const field = `workOrders[${i}].lines[${j}].sorCode`;
        if (!sor) problems.push(InputProblem.of(field, `There is no SOR code ${line.sorCode}`));
        else if (!sor.active) problems.push(InputProblem.of(field, `SOR code ${line.sorCode} is no longer active`));
        else return [{ lineNo: j + 1, sorCode: sor.code, description: sor.description, quantity: line.quantity, unitCostPence: sor.costPence, standardMinutes: sor.standardMinutes }];
        return [];
      });
      planned.push({ trade, contractorId: plan.contractorId ?? null, lines });
    }
    if (problems.length || !priority) return RepairInvalid.of(problems);

    const actor = hearthContext.require().actor!;
    const before = Repair.from(entity);
    Object.assign(entity, { status: 'triaged', priority: priority.code, trade: input.trade, triagedAt: new Date(), triagedBy: actorLabel(actor), updatedAt: new Date() });
    await (await this.transactions.repository(RepairEntity)).save(entity);
    const raised: WorkOrderEntity[] = [];
    for (const plan of planned) raised.push(await this.workOrders.raise(entity, plan, priority));

    const repair = Repair.from(entity);
    await this.audit.record({ operation: 'triageRepair', targetType: 'repair', targetId: entity.id, before, after: { ...repair, workOrderIds: raised.map((w) => w.id) } });
    await this.outbox.publish({
      type: RepairsEvent.RepairTriaged,
      aggregateType: 'repair',
      aggregateId: entity.id,
      payload: { id: entity.id, number: entity.number, priority: priority.code, trade: input.trade, workOrderIds: raised.map((w) => w.id) },
    });
    return repair;
  }

  /** Cancels the repair and its open work orders; refused once any work order was completed. */
  async cancel(input: CancelRepairInput): Promise<Repair | RepairFailure> {
    const entity = await this.lock(input.id);
    if (!entity) return RepairNotFound.of(input.id);
    if (entity.status === 'cancelled') return RepairInvalid.of([InputProblem.of('id', `Repair ${entity.number} is already cancelled`)]);
    const orders = await (await this.transactions.repository(WorkOrderEntity)).find({ where: { repairId: entity.id }, order: { id: 'ASC' } });
    const done = orders.filter((order) => order.status === 'completed' || order.status === 'inspected');
    if (done.length) {
      return RepairInvalid.of([InputProblem.of('id', `Work order ${done.map((o) => o.number).join(', ')} of this repair was completed: cancel its other work orders one by one`)]);
    }
    for (const order of orders.filter((o) => !CLOSED_STATUSES.includes(o.status))) {
      await this.workOrders.transition(order.id, 'cancelled', { reason: input.reason });
    }
    const before = Repair.from(entity);
    Object.assign(entity, { status: 'cancelled', cancelledReason: input.reason, updatedAt: new Date() });
    await (await this.transactions.repository(RepairEntity)).save(entity);
    const repair = Repair.from(entity);
    await this.audit.record({ operation: 'cancelRepair', targetType: 'repair', targetId: entity.id, before, after: repair });
    await this.outbox.publish({
      type: RepairsEvent.RepairCancelled,
      aggregateType: 'repair',
      aggregateId: entity.id,
      payload: { id: entity.id, number: entity.number },
    });
    return repair;
  }

  private async lock(id: string): Promise<RepairEntity | null> {
    return (await this.transactions.repository(RepairEntity)).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }
}
