import type { RepairsPart } from '../repairs.part';
import { ContractorResolver } from './contractors.resolver';
import { ContractorService } from './contractors.service';

/** What this part adds to the repairs module (see repairs.part.ts). */
export const contractorsPart: RepairsPart = {
  providers: [ContractorService],
  resolvers: [ContractorResolver],
  exports: [ContractorService],
};
