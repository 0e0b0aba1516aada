import type { RepairsPart } from '../repairs.part';
import { MeasuresResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';

/** What this part adds to the repairs module (see repairs.part.ts). */
export const measuresPart: RepairsPart = {
  providers: [MeasuresService],
  resolvers: [MeasuresResolver],
};
