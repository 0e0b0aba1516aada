export * from './rent.module';
export * from './rent.permissions';
export * from './rent.settings';
export * from './rent.entities';
export * from './accounts/rent-periods';
export { Ledger } from './accounts/ledger.service';
export { RentRuns } from './runs/rent-runs.service';
// For the demo seed, which opens accounts, agrees an arrangement and runs recovery as staff and the schedule would.
export { RentAccountService } from './accounts/accounts.service';
export { ArrangementService } from './arrears/arrangement.service';
export { ArrearsTask } from './arrears/arrears.task';
