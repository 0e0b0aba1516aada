import type { ModulePart } from '@hearth/platform-kernel';
import { ContractorResolver } from './contractors.resolver';
import { ContractorService } from './contractors.service';

/** What this area adds to the repairs module. */
export const contractorsPart: ModulePart = {
  providers: [ContractorService],
  resolvers: [ContractorResolver],
  exports: [ContractorService],
};
