export * from './rent.module';
export * from './rent.permissions';
export * from './rent.settings';
export * from './rent.entities';
export * from './accounts/rent-periods';
export { Ledger } from './accounts/ledger.service';
export { RentRuns } from './runs/rent-runs.service';
