import type { WorkOrderStatus } from '@hearth/console-core';
import type { WorkOrderAction } from '../repairs.text';

/** The mutation that moves a work order to each status (docs/repairs.md, "The state machine"). */
const ACTION_TO: Record<Exclude<WorkOrderStatus, 'RAISED'>, WorkOrderAction> = {
  ASSIGNED: 'assign',
  SCHEDULED: 'schedule',
  IN_PROGRESS: 'start',
  ON_HOLD: 'hold',
  COMPLETED: 'complete',
  INSPECTED: 'inspect',
  CANCELLED: 'cancel',
};

export interface ActionChoice {
  action: WorkOrderAction;
  /** Booking again while scheduled rebooks, which is no change of status. */
  rebook: boolean;
}

/**
 * The buttons a work order shows: one per status the API says it may go to (allowedTransitions),
 * so the console never offers a move the server would refuse, plus rebooking a booked visit.
 * Back from on hold to in progress is resumeWorkOrder; the other ways back choose again (assign, book).
 */
export function actionsFor(workOrder: { status: WorkOrderStatus; allowedTransitions: readonly WorkOrderStatus[] }): ActionChoice[] {
  const choices = workOrder.allowedTransitions.flatMap((to): ActionChoice[] => {
    if (to === 'RAISED') return [];
    const action = workOrder.status === 'ON_HOLD' && to === 'IN_PROGRESS' ? 'resume' : ACTION_TO[to];
    return [{ action, rebook: false }];
  });
  return workOrder.status === 'SCHEDULED' ? [{ action: 'schedule', rebook: true }, ...choices] : choices;
}
