import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import { Tenancy } from '@hearth/housing-tenancies';
import { rentPermissions as can } from '../rent.permissions';
import {
  RentAccount, RentAccountConnection, RentAccountResult, RentCharge, RentChargeResult, RentReviewResult, RentTransactionConnection,
  type RentAccountFailure,
} from './accounts.model';
import { RentAccountLoaders } from './accounts.loaders';
import { RentAccountService } from './accounts.service';
import {
  CloseRentAccountInput, OpenRentAccountInput, RentAccountsArgs, RentTransactionsArgs, ReviewRentsInput, SetRentChargeInput,
} from './dto/accounts.input';

@Resolver(() => RentAccount)
export class RentAccountResolver {
  constructor(
    private readonly service: RentAccountService,
    private readonly loaders: RentAccountLoaders,
  ) {}

  @Query(() => RentAccount, { nullable: true })
  @Access(can.read)
  rentAccount(@IdArg('id') id: string): Promise<RentAccount | null> {
    return this.service.find(id);
  }

  @Query(() => RentAccountConnection, {
    description: 'Open accounts by payment reference; with inArrears: true, the largest arrears first.',
    complexity: connectionCost,
  })
  @Access(can.read)
  rentAccounts(@Args() args: RentAccountsArgs): Promise<RentAccountConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @ResolveField(() => Tenancy, { nullable: true, description: 'Null only if the tenancy is no longer visible.' })
  async tenancy(@Parent() account: RentAccount): Promise<Tenancy | null> {
    const entity = await this.loaders.tenancy().load(account.tenancyId);
    return entity ? Tenancy.from(entity) : null;
  }

  @ResolveField(() => [RentCharge], { description: 'The schedule rows in force today and any set for later days; with history: true, every row.' })
  charges(@Parent() account: RentAccount, @Args('history', { defaultValue: false }) history: boolean): Promise<RentCharge[]> {
    return this.loaders.charges(history).load(account.id);
  }

  @ResolveField(() => RentTransactionConnection, { description: 'Newest first, each with the balance after it.', complexity: connectionCost })
  transactions(@Parent() account: RentAccount, @Args() args: RentTransactionsArgs): Promise<RentTransactionConnection> {
    return this.loaders.ledgerOf(args).load(account.id);
  }

  @Mutation(() => RentAccountResult, { description: 'Opens the rent account of a tenancy, with its first charges.' })
  @Access(can.manage)
  openRentAccount(@Args('input') input: OpenRentAccountInput): Promise<RentAccount | RentAccountFailure> {
    return this.service.open(input);
  }

  @Mutation(() => RentChargeResult, { description: "Changes a charge type's amount from a day on (a new row of the schedule)." })
  @Access(can.manage)
  setRentCharge(@Args('input') input: SetRentChargeInput) {
    return this.service.setCharge(input);
  }

  @Mutation(() => RentReviewResult, { description: 'The annual rent review over every open account; repeating it changes nothing.' })
  @Access(can.manage)
  reviewRents(@Args('input') input: ReviewRentsInput) {
    return this.service.review(input);
  }

  @Mutation(() => RentAccountResult)
  @Access(can.manage)
  closeRentAccount(@Args('input') input: CloseRentAccountInput) {
    return this.service.close(input);
  }
}
