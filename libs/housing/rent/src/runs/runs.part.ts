import type { ModulePart } from '@hearth/platform-kernel';
import { RentPosting } from './rent-posting';
import { RentRunQueue } from './rent-run-queue';
import { RentRunProcessor } from './rent-run.processor';
import { RentRuns } from './rent-runs.service';
import { RentRunsResolver } from './rent-runs.resolver';

/** What this area adds to the rent module. The worker starts RentRunProcessor; the bench drives RentRuns. */
export const runsPart: ModulePart = {
  providers: [RentPosting, RentRuns, RentRunQueue, RentRunProcessor],
  resolvers: [RentRunsResolver],
  exports: [RentRuns, RentRunProcessor],
};
