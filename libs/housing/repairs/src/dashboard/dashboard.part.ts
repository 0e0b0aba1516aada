import type { ModulePart } from '@hearth/platform-kernel';
import { RepairsDashboardResolver } from './dashboard.resolver';
import { RepairsDashboardService } from './dashboard.service';

/** What this area adds to the repairs module: the figures the console's dashboard shows. */
export const dashboardPart: ModulePart = {
  providers: [RepairsDashboardService],
  resolvers: [RepairsDashboardResolver],
};
