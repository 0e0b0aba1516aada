import type { ModulePart } from '@hearth/platform-kernel';
import { HazardLoaders } from './hazard.loaders';
import { HazardResolver } from './hazard.resolver';
import { HazardService } from './hazard.service';

/** What this area adds to the repairs module. */
export const hazardsPart: ModulePart = {
  providers: [HazardService, HazardLoaders],
  resolvers: [HazardResolver],
  exports: [HazardService],
};
