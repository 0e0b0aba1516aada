import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, PageArgs, requestLoader } from '@hearth/platform-graphql';
import { RentAccount } from '../accounts/accounts.model';
import { rentPermissions as can } from '../rent.permissions';
import { PaymentArrangement } from './arrangement.model';
import { ArrangementService } from './arrangement.service';
import { ArrearsStageEntry, IncomeTaskConnection, RentLetter } from './recovery.model';
import { RecoveryService } from './recovery.service';

/** Recovery on the account (its stage, letters and arrangements), and the income officer's open tasks. */
@Resolver(() => RentAccount)
export class RecoveryResolver {
  constructor(
    private readonly recovery: RecoveryService,
    private readonly arrangements: ArrangementService,
  ) {}

  @Query(() => IncomeTaskConnection, { description: 'Open income tasks, soonest due first.', complexity: connectionCost })
  @Access(can.read)
  incomeTasks(@Args() args: PageArgs): Promise<IncomeTaskConnection> {
    return this.recovery.openTasks(args);
  }

  @ResolveField(() => ArrearsStageEntry, { nullable: true, description: 'The recovery stage the account is at; null when not in recovery.' })
  recoveryStage(@Parent() account: RentAccount): Promise<ArrearsStageEntry | null> {
    return requestLoader('rent:recoveryStage', (ids: readonly string[]) => this.recovery.currentStages(ids)).load(account.id);
  }

  @ResolveField(() => [RentLetter], { description: 'Letters recovery wrote, newest first.' })
  letters(@Parent() account: RentAccount): Promise<RentLetter[]> {
    return requestLoader('rent:letters', (ids: readonly string[]) => this.recovery.lettersOf(ids)).load(account.id);
  }

  @ResolveField(() => [PaymentArrangement], { description: 'Payment arrangements, newest first; at most one is active.' })
  paymentArrangements(@Parent() account: RentAccount): Promise<PaymentArrangement[]> {
    return requestLoader('rent:arrangements', (ids: readonly string[]) => this.arrangements.forAccounts(ids)).load(account.id);
  }
}
