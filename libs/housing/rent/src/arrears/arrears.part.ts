import type { ModulePart } from '@hearth/platform-kernel';
import { ArrangementResolver } from './arrangement.resolver';
import { ArrangementService } from './arrangement.service';
import { ArrearsTask } from './arrears.task';
import { RecoveryResolver } from './recovery.resolver';
import { RecoveryService } from './recovery.service';

/** What this area adds to the rent module; its ArrearsTask runs on the module's `arrears` schedule. */
export const arrearsPart: ModulePart = {
  providers: [RecoveryService, ArrangementService, ArrearsTask],
  resolvers: [ArrangementResolver, RecoveryResolver],
  exports: [ArrangementService],
};
