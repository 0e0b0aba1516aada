import { WORK_ORDER_STATUSES, type WorkOrderStatusValue } from '../repairs.entities';

export type WorkOrderStatus = WorkOrderStatusValue;
export { WORK_ORDER_STATUSES };

/**
 * Where a work order may go from each status. Every change goes through
 * WorkOrderService.transition, which refuses anything not listed here; completed work can only
 * be inspected, and inspected or cancelled work orders are finished.
 */
export const ALLOWED_TRANSITIONS: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  raised: ['assigned', 'on_hold', 'cancelled'],
  assigned: ['scheduled', 'in_progress', 'on_hold', 'cancelled'],
  scheduled: ['in_progress', 'on_hold', 'cancelled'],
  in_progress: ['completed', 'on_hold', 'cancelled'],
  on_hold: ['assigned', 'scheduled', 'in_progress', 'cancelled'],
  completed: ['inspected'],
  inspected: [],
  cancelled: [],
};

/** Statuses in which the work is finished with: escalation and open lists leave them out. */
export const CLOSED_STATUSES: readonly WorkOrderStatus[] = ['completed', 'inspected', 'cancelled'];

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}
