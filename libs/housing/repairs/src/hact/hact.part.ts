import type { RepairsPart } from '../repairs.part';
import { HactExportService } from './hact-export.service';
import { HactResolver } from './hact.resolver';
import { JobStatusUpdateService } from './job-status-update.service';

/** What this part adds to the repairs module (see repairs.part.ts): the HACT RaiseRepair export and contractors' status updates. */
export const hactPart: RepairsPart = {
  providers: [HactExportService, JobStatusUpdateService],
  resolvers: [HactResolver],
};
