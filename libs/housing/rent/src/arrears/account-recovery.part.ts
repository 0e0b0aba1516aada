import type { ModulePart } from '@hearth/platform-kernel';
import { AccountRecoveryResolver } from './account-recovery.resolver';
import { AccountRecoveryService } from './account-recovery.service';

/** An account's recovery history and open income tasks, for the console's account page. */
export const accountRecoveryPart: ModulePart = {
  providers: [AccountRecoveryService],
  resolvers: [AccountRecoveryResolver],
};
