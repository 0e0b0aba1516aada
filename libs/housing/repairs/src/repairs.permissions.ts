import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/**
 * Who may do what with repairs. Partner scopes follow what a partner is given: a contractor's
 * system reads and updates its work orders; a council's or a call centre's raises repairs.
 */
export const repairsPermissions = definePermissions({
  read: {
    description: 'Read repairs, work orders, appointments, hazard cases and their clocks, and the measures',
    roles: ANY_STAFF_ROLE,
    scopes: ['repairs:read'],
  },
  report: {
    description: 'Report a repair or a hazard',
    roles: ANY_STAFF_ROLE,
    scopes: ['repairs:raise'],
  },
  manage: {
    description: 'Triage repairs, raise, assign, schedule and move work orders, and run hazard cases',
    roles: [Role.TenantAdmin, Role.RepairsPlanner],
  },
  configure: {
    description: 'Keep the schedule of rates and the contractors',
    roles: [Role.TenantAdmin, Role.RepairsPlanner],
  },
  statusUpdate: {
    description: "Post a contractor's status updates on the work orders assigned to it (HACT JobStatusUpdate)",
    roles: [],
    scopes: ['repairs:status'],
  },
});

/** Payloads carry ids, numbers, codes and times: never a resident's details (webhooks take events outside Hearth). */
export const RepairsEvent = {
  RepairReported: 'repairs.repair.reported',
  RepairTriaged: 'repairs.repair.triaged',
  RepairCancelled: 'repairs.repair.cancelled',
  WorkOrderRaised: 'repairs.work_order.raised',
  WorkOrderStatusChanged: 'repairs.work_order.status_changed',
  AppointmentBooked: 'repairs.appointment.booked',
  TargetApproaching: 'repairs.work_order.target_approaching',
  TargetBreached: 'repairs.work_order.target_breached',
  HazardReported: 'repairs.hazard.reported',
  HazardClockMet: 'repairs.hazard.clock_met',
  HazardClockMissed: 'repairs.hazard.clock_missed',
  AlternativeAccommodationOffered: 'repairs.hazard.alternative_accommodation_offered',
  HazardClosed: 'repairs.hazard.closed',
} as const;

export const repairsEvents = {
  [RepairsEvent.RepairReported]: { description: 'A repair was reported on an asset (by staff, a partner or a resident).' },
  [RepairsEvent.RepairTriaged]: { description: 'A repair was given its priority and trade and became one or more work orders.' },
  [RepairsEvent.RepairCancelled]: { description: 'A repair was cancelled before any work was done, with the reason.' },
  [RepairsEvent.WorkOrderRaised]: { description: 'A work order was raised, with its priority, trade, contractor and target.' },
  [RepairsEvent.WorkOrderStatusChanged]: { description: "A work order's status changed: from, to, by whom (staff or the contractor)." },
  [RepairsEvent.AppointmentBooked]: { description: 'An appointment was booked (or rebooked) for a work order: its day and slot.' },
  [RepairsEvent.TargetApproaching]: { description: "A work order is open and near its target (raised once per work order)." },
  [RepairsEvent.TargetBreached]: { description: 'A work order passed its target while still open (raised once per work order).' },
  [RepairsEvent.HazardReported]: { description: "A hazard case (damp and mould, say) was opened on a dwelling, with its Awaab's Law clocks." },
  [RepairsEvent.HazardClockMet]: { description: 'A statutory clock of a hazard case was met: which clock, when, and whether in time.' },
  [RepairsEvent.HazardClockMissed]: { description: 'A statutory clock of a hazard case passed its due time unmet (raised once per clock).' },
  [RepairsEvent.AlternativeAccommodationOffered]: { description: 'Alternative accommodation was offered to the household of a hazard case.' },
  [RepairsEvent.HazardClosed]: { description: 'A hazard case was closed, with the reason.' },
};
