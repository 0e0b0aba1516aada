import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { requestLoader } from '@hearth/platform-graphql';
import { RentAccount } from '../accounts/accounts.model';
import { AccountRecoveryService } from './account-recovery.service';
import { ArrearsStageEntry, IncomeTask } from './recovery.model';

/** The account page's recovery history and open tasks; readable wherever the account is (rent.read). */
@Resolver(() => RentAccount)
export class AccountRecoveryResolver {
  constructor(private readonly recovery: AccountRecoveryService) {}

  @ResolveField(() => [ArrearsStageEntry], { description: 'Every recovery stage the account has been at, newest first (the current one has no leftAt).' })
  recoveryHistory(@Parent() account: RentAccount): Promise<ArrearsStageEntry[]> {
    return requestLoader('rent:recoveryHistory', (ids: readonly string[]) => this.recovery.historyOf(ids)).load(account.id);
  }

  @ResolveField(() => [IncomeTask], { description: "The account's open income tasks, soonest due first." })
  incomeTasks(@Parent() account: RentAccount): Promise<IncomeTask[]> {
    return requestLoader('rent:accountIncomeTasks', (ids: readonly string[]) => this.recovery.openTasksOf(ids)).load(account.id);
  }
}
