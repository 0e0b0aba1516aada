export * from './repairs.module';
export * from './repairs.permissions';
export * from './repairs.settings';
export * from './repairs.entities';
export { ALLOWED_TRANSITIONS, CLOSED_STATUSES, canTransition } from './repairs/work-order.state-machine';
export { WorkOrderService, type TransitionDetails } from './repairs/work-orders.service';
export { RepairService } from './repairs/repairs.service';
export { HazardService } from './hazards/hazard.service';
export { HAZARD_REGIMES, regimeFor } from './hazards/hazard-regime';
