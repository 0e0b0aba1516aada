import type { ModulePart } from '@hearth/platform-kernel';
import { REPAIRS_ENTITIES } from '../repairs.entities';
import { RepairPriorities } from './repair-priorities';
import { HazardClockDeadlineResolver, RepairPrioritiesResolver, WorkOrderDeadlineResolver } from './repair-deadlines.resolver';
import { RepairsLoaders } from './repairs.loaders';
import { RepairResolver } from './repairs.resolver';
import { RepairService } from './repairs.service';
import { SorCodeImporter } from './sor-code.importer';
import { SorCodeResolver } from './sor-codes.resolver';
import { SorCodeService } from './sor-codes.service';
import { WorkOrderAttachmentResolver, WorkOrderResolver } from './work-orders.resolver';
import { PartnerScope } from './partner-scope';
import { WorkOrderService } from './work-orders.service';

/** What this area adds to the repairs module. Every repairs table's entity is registered here. */
export const repairsPart: ModulePart = {
  entities: REPAIRS_ENTITIES,
  providers: [RepairPriorities, RepairsLoaders, PartnerScope, SorCodeService, RepairService, WorkOrderService],
  resolvers: [SorCodeResolver, RepairResolver, WorkOrderResolver, WorkOrderAttachmentResolver, RepairPrioritiesResolver, WorkOrderDeadlineResolver, HazardClockDeadlineResolver],
  importers: [SorCodeImporter],
  exports: [RepairPriorities, RepairsLoaders, PartnerScope, WorkOrderService, RepairService],
};
