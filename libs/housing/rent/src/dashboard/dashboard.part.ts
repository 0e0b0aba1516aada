import type { ModulePart } from '@hearth/platform-kernel';
import { ArrearsSummaryResolver } from './arrears-summary.resolver';
import { ArrearsSummaryService } from './arrears-summary.service';

/** What this area adds to the rent module: the arrears figures the console's dashboard shows. */
export const dashboardPart: ModulePart = {
  providers: [ArrearsSummaryService],
  resolvers: [ArrearsSummaryResolver],
};
