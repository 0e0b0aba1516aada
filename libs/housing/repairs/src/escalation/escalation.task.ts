import { Injectable } from '@nestjs/common';
import { Outbox } from '@hearth/platform-database';
import type { ScheduledTask } from '@hearth/platform-kernel';
import { RepairsEvent } from '../repairs.permissions';

/** How often the worker runs escalation for each member with repairs on. */
export const ESCALATION_EVERY_MS = 60_000;

export interface EscalationOutcome {
  targetsApproaching: number;
  targetsBreached: number;
  hazardClocksMissed: number;
}

const OPEN_WORK_ORDER = `status not in ('completed', 'inspected', 'cancelled')`;
/** Ids, number, codes and times only: events leave Hearth through webhooks. */
const workOrderPayload = `jsonb_build_object(
  'id', w.id, 'number', w.number, 'repairId', w.repair_id, 'priority', w.priority, 'emergency', w.emergency,
  'contractorId', w.contractor_id, 'targetAt', w.target_at, 'warnAt', w.warn_at) as payload`;

/**
 * Raises the events that time alone causes: a work order nearing or passing its target, and a
 * hazard clock passing its due time unmet. Each kind is one statement that claims the rows (sets
 * the once-only column) and writes their events together. The claim locks the rows with SKIP
 * LOCKED and re-checks `... is null`, so a second worker racing the first neither waits nor
 * claims a row twice: one event per breach, whatever the number of workers or runs.
 */
@Injectable()
export class EscalationTask implements ScheduledTask {
  constructor(private readonly outbox: Outbox) {}

  async run(): Promise<EscalationOutcome> {
    // A work order found already past its target (the worker was down through its warning
    // window) is only announced as breached: the breach claim also fills approaching_notified_at.
    const targetsApproaching = await this.outbox.publishRows(
      { type: RepairsEvent.TargetApproaching, aggregateType: 'work_order' },
      `update hearth.work_order w set approaching_notified_at = now(), updated_at = now()
       from (select tenant_id, id from hearth.work_order
             where ${OPEN_WORK_ORDER} and warn_at <= now() and target_at > now() and approaching_notified_at is null
             for update skip locked) due
       where w.tenant_id = due.tenant_id and w.id = due.id
       returning w.id as aggregate_id, ${workOrderPayload}`,
    );
    const targetsBreached = await this.outbox.publishRows(
      { type: RepairsEvent.TargetBreached, aggregateType: 'work_order' },
      `update hearth.work_order w
         set breach_notified_at = now(), approaching_notified_at = coalesce(w.approaching_notified_at, now()), updated_at = now()
       from (select tenant_id, id from hearth.work_order
             where ${OPEN_WORK_ORDER} and target_at <= now() and breach_notified_at is null
             for update skip locked) due
       where w.tenant_id = due.tenant_id and w.id = due.id
       returning w.id as aggregate_id, ${workOrderPayload}`,
    );
    const hazardClocksMissed = await this.outbox.publishRows(
      { type: RepairsEvent.HazardClockMissed, aggregateType: 'hazard_case' },
      `update hearth.hazard_clock k set missed_at = now()
       from (select k2.tenant_id, k2.hazard_case_id, k2.clock, c.number from hearth.hazard_clock k2
             join hearth.hazard_case c on c.tenant_id = k2.tenant_id and c.id = k2.hazard_case_id
             where k2.due_at <= now() and k2.met_at is null and k2.waived_reason is null and k2.missed_at is null
             for update of k2 skip locked) due
       where k.tenant_id = due.tenant_id and k.hazard_case_id = due.hazard_case_id and k.clock = due.clock
       returning k.hazard_case_id as aggregate_id,
         jsonb_build_object('caseId', k.hazard_case_id, 'number', due.number, 'clock', k.clock, 'dueAt', k.due_at) as payload`,
    );
    return { targetsApproaching, targetsBreached, hazardClocksMissed };
  }
}
