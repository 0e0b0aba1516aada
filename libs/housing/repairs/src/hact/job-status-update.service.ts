import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { hearthContext, TransactionManager } from '@hearth/platform-database';
import { InputProblem } from '@hearth/platform-graphql';
import { TransitionRefused, WorkOrder, WorkOrderInvalid, WorkOrderNotFound, type WorkOrderFailure } from '../repairs/repairs.model';
import type { WorkOrderStatus } from '../repairs/work-order.state-machine';
import { WorkOrderService } from '../repairs/work-orders.service';
import type { JobStatusUpdateInput } from './dto/job-status-update.input';
import { JobStatusUpdateApplied, MessageIdReused, type JobStatusUpdateOutcome } from './hact.model';
import { partnerClientId } from '../repairs/partner-scope';

const KIND = 'JobStatusUpdate';
/** Contractors' clocks drift: an event a few minutes "ahead" of ours is not a mistake. */
const CLOCK_SKEW_MS = 5 * 60_000;
const REASON_MAX = 1000;

interface AssignedWorkOrder { id: string; status: WorkOrderStatus }
interface StoredMessage { body_sha256: string; received_at: Date; outcome: StoredOutcome }

/** What is kept in partner_message.outcome, enough to give a retry the same answer. */
type StoredOutcome =
  | { result: 'JobStatusUpdateApplied'; workOrderId: string; workOrderNumber: number; status: WorkOrderStatus }
  | { result: 'TransitionRefused'; from: WorkOrderStatus; to: WorkOrderStatus }
  | { result: 'WorkOrderInvalid'; problems: Array<{ field: string; message: string }> }
  | { result: 'WorkOrderNotFound'; id: string };

/**
 * Status updates from contractors' systems (HACT JobStatusUpdate). Each message is kept by the
 * client's own id in partner_message, in the same transaction as the change it made, so a retry
 * is answered from there and changes nothing, and a message sent twice at once is applied once:
 * the second insert waits on the first's primary key and then finds it taken.
 */
@Injectable()
export class JobStatusUpdateService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly workOrders: WorkOrderService,
  ) {}

  async post(input: JobStatusUpdateInput): Promise<JobStatusUpdateOutcome> {
    const clientId = partnerClientId();
    // The permission has no staff roles, so only a partner gets here; this says so if that ever changes.
    if (!clientId) throw new HearthError('FORBIDDEN', "Only a contractor's system posts job status updates");
    checkShape(input);
    const bodySha256 = bodyHash(input);
    const earlier = await this.findMessage(clientId, input.messageId);
    if (earlier) return answerAgain(input.messageId, earlier, bodySha256);

    const workOrder = await this.assignedWorkOrder(clientId, input);
    // The same answer whether the work order does not exist or is another contractor's: nothing to learn by guessing.
    if (!workOrder) return WorkOrderNotFound.of(String(input.workOrderNumber ?? input.workOrderId));

    const [claimed] = await this.transactions.query<{ received_at: Date }>(
      `insert into hearth.partner_message (tenant_id, client_id, message_id, kind, body_sha256, outcome)
       values ($1, $2, $3, $4, $5, '{}')
       on conflict do nothing returning received_at`,
      [hearthContext.require().requireTenantId(), clientId, input.messageId, KIND, bodySha256],
    );
    if (!claimed) return answerAgain(input.messageId, (await this.findMessage(clientId, input.messageId))!, bodySha256);

    const outcome = toStored(await this.apply(workOrder, input));
    await this.transactions.query(
      `update hearth.partner_message set outcome = $3 where client_id = $1 and message_id = $2`,
      [clientId, input.messageId, JSON.stringify(outcome)],
    );
    return fromStored(input.messageId, outcome, claimed.received_at, false);
  }

  /** The work order status each job status moves to; see docs/partners/repairs-hact.md. */
  private async apply(workOrder: AssignedWorkOrder, input: JobStatusUpdateInput): Promise<WorkOrder | WorkOrderFailure> {
    // An event inside the clock skew allowed is taken as now: the work order refuses times in the future.
    const at = new Date(Math.min(input.occurredAt.getTime(), Date.now()));
    const note = input.comments;
    switch (input.status) {
      case 'accepted':
        // Assigning a work order to a contractor already makes it ASSIGNED; accepting it then is an acknowledgement.
        return workOrder.status === 'assigned'
          ? this.current(workOrder.id)
          : this.workOrders.transition(workOrder.id, 'assigned', { at, reason: note });
      case 'scheduled':
        return this.workOrders.schedule({ id: workOrder.id, ...input.appointment! });
      case 'in_progress':
        return this.workOrders.transition(workOrder.id, 'in_progress', { at, reason: note });
      case 'on_hold':
        return this.workOrders.transition(workOrder.id, 'on_hold', { at, reason: note });
      case 'no_access':
        return this.workOrders.transition(workOrder.id, 'on_hold', { at, reason: note ? `No access: ${note}` : 'No access' });
      case 'completed':
        return this.workOrders.transition(workOrder.id, 'completed', { at, notes: note });
    }
  }

  private async current(id: string): Promise<WorkOrder | WorkOrderNotFound> {
    const entity = await this.workOrders.findById(id);
    return entity ? WorkOrder.from(entity) : WorkOrderNotFound.of(id);
  }

  private async findMessage(clientId: string, messageId: string): Promise<StoredMessage | undefined> {
    const [row] = await this.transactions.query<StoredMessage>(
      `select body_sha256, received_at, outcome from hearth.partner_message where client_id = $1 and message_id = $2`,
      [clientId, messageId],
    );
    return row;
  }

  private async assignedWorkOrder(clientId: string, input: JobStatusUpdateInput): Promise<AssignedWorkOrder | undefined> {
    const [column, value] = input.workOrderId ? ['id', input.workOrderId] : ['number', input.workOrderNumber];
    const [row] = await this.transactions.query<AssignedWorkOrder>(
      `select wo.id, wo.status
         from hearth.work_order wo
         join hearth.contractor c on c.tenant_id = wo.tenant_id and c.id = wo.contractor_id
        where wo.${column} = $1 and c.partner_client_id = $2`,
      [value, clientId],
    );
    return row;
  }
}

/** The rules between fields that class-validator cannot say one field at a time; bad input changes nothing. */
function checkShape(input: JobStatusUpdateInput): void {
  const problems: string[] = [];
  const given = (value: unknown) => value !== undefined && value !== null;
  if (given(input.workOrderId) === given(input.workOrderNumber)) {
    problems.push('Give exactly one of workOrderId and workOrderNumber');
  }
  if (input.occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) problems.push('occurredAt must not be in the future');
  if (input.status === 'scheduled' && !input.appointment) problems.push('SCHEDULED needs the appointment: its day and slot');
  if (input.status !== 'scheduled' && input.appointment) problems.push('Only SCHEDULED takes an appointment');
  if (input.status === 'on_hold' && !input.comments) problems.push('ON_HOLD needs comments saying why the job is on hold');
  if (input.status === 'completed' && !input.comments) problems.push('COMPLETED needs comments saying what was done');
  if (input.status !== 'completed' && input.comments && input.comments.length > REASON_MAX) {
    problems.push(`comments must be at most ${REASON_MAX} characters unless the job is COMPLETED`);
  }
  if (problems.length) throw new HearthError('BAD_USER_INPUT', problems.join('; '), { problems });
}

/** The SHA-256 of the message as sent, less its id: field order and absent versus null fields do not change it. */
export function bodyHash(input: JobStatusUpdateInput): string {
  const { messageId: _, ...body } = input;
  const canonical = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).filter(([, v]) => v !== undefined && v !== null).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

function answerAgain(messageId: string, earlier: StoredMessage, bodySha256: string): JobStatusUpdateOutcome {
  if (earlier.body_sha256 !== bodySha256) return MessageIdReused.of(messageId, earlier.received_at);
  return fromStored(messageId, earlier.outcome, earlier.received_at, true);
}

function toStored(result: WorkOrder | WorkOrderFailure): StoredOutcome {
  if (result instanceof WorkOrder) {
    return { result: 'JobStatusUpdateApplied', workOrderId: result.id, workOrderNumber: result.number, status: result.status };
  }
  if (result instanceof TransitionRefused) return { result: 'TransitionRefused', from: result.from, to: result.to };
  if (result instanceof WorkOrderInvalid) return { result: 'WorkOrderInvalid', problems: result.problems.map(({ field, message }) => ({ field, message })) };
  return { result: 'WorkOrderNotFound', id: result.id };
}

function fromStored(messageId: string, stored: StoredOutcome, receivedAt: Date, replayed: boolean): JobStatusUpdateOutcome {
  switch (stored.result) {
    case 'JobStatusUpdateApplied': {
      const { workOrderId, workOrderNumber, status } = stored;
      return JobStatusUpdateApplied.of({ messageId, workOrderId, workOrderNumber, status, receivedAt }, replayed);
    }
    case 'TransitionRefused':
      return TransitionRefused.of(stored.from, stored.to);
    case 'WorkOrderInvalid':
      return WorkOrderInvalid.of(stored.problems.map(({ field, message }) => InputProblem.of(field, message)));
    case 'WorkOrderNotFound':
      return WorkOrderNotFound.of(stored.id);
  }
}
