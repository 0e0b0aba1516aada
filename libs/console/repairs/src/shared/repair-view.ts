import type { HazardClockStatus, RepairStatus, WorkOrderStatus } from '@hearth/console-core';
import type { BadgeTone } from './badge/badge.component';

/** Work is finished with in these: no target to chase. */
export const CLOSED_WORK_ORDER_STATUSES: readonly WorkOrderStatus[] = ['COMPLETED', 'INSPECTED', 'CANCELLED'];

/** The soonest target of a repair's open work orders: what the repair is now chased by. */
export function nextTarget<T extends { status: WorkOrderStatus; targetAt: string }>(workOrders: readonly T[]): T | null {
  return workOrders
    .filter((workOrder) => !CLOSED_WORK_ORDER_STATUSES.includes(workOrder.status))
    .reduce<T | null>((soonest, workOrder) => (!soonest || workOrder.targetAt < soonest.targetAt ? workOrder : soonest), null);
}

/** A priority's name from the member's settings; its code when the settings no longer have it. */
export function priorityName(priorities: readonly { code: string; name: string }[], code: string | null): string {
  if (!code) return '';
  return priorities.find((priority) => priority.code === code)?.name ?? code;
}

export function repairStatusTone(status: RepairStatus): BadgeTone {
  return status === 'CANCELLED' ? 'neutral' : status === 'REPORTED' ? 'warning' : 'info';
}

export function workOrderStatusTone(status: WorkOrderStatus): BadgeTone {
  if (status === 'COMPLETED' || status === 'INSPECTED') return 'success';
  if (status === 'ON_HOLD') return 'warning';
  if (status === 'CANCELLED') return 'neutral';
  return 'info';
}

export function clockStatusTone(status: HazardClockStatus): BadgeTone {
  switch (status) {
    case 'MISSED':
    case 'MET_LATE':
      return 'danger';
    case 'MET':
      return 'success';
    case 'RUNNING':
      return 'info';
    default:
      return 'neutral';
  }
}
