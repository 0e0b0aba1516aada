import type { ModulePart } from '@hearth/platform-kernel';
import { MeasuresResolver } from './measures.resolver';
import { MeasuresService } from './measures.service';

/** What this area adds to the repairs module. */
export const measuresPart: ModulePart = {
  providers: [MeasuresService],
  resolvers: [MeasuresResolver],
};
