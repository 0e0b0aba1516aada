import type { ModulePart } from '@hearth/platform-kernel';
import { HactExportService } from './hact-export.service';
import { HactResolver } from './hact.resolver';
import { JobStatusUpdateService } from './job-status-update.service';

/** What this area adds to the repairs module: the HACT RaiseRepair export and contractors' status updates. */
export const hactPart: ModulePart = {
  providers: [HactExportService, JobStatusUpdateService],
  resolvers: [HactResolver],
};
