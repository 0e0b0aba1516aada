import type { RepairsPart } from '../repairs.part';
import { HazardLoaders } from './hazard.loaders';
import { HazardResolver } from './hazard.resolver';
import { HazardService } from './hazard.service';

/** What this part adds to the repairs module (see repairs.part.ts). */
export const hazardsPart: RepairsPart = {
  providers: [HazardService, HazardLoaders],
  resolvers: [HazardResolver],
  exports: [HazardService],
};
