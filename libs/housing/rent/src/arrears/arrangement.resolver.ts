import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg, requestLoader } from '@hearth/platform-graphql';
import { rentPermissions as can } from '../rent.permissions';
import { ArrangementInstalment, PaymentArrangement, PaymentArrangementConnection, PaymentArrangementResult, type ArrangementFailure } from './arrangement.model';
import { ArrangementService } from './arrangement.service';
import { CancelPaymentArrangementArgs, MakePaymentArrangementInput, PaymentArrangementsArgs } from './dto/arrangement.input';

type Changed = Promise<PaymentArrangement | ArrangementFailure>;

@Resolver(() => PaymentArrangement)
export class ArrangementResolver {
  constructor(private readonly service: ArrangementService) {}

  @Query(() => PaymentArrangementConnection, { description: 'Payment arrangements, newest first.', complexity: connectionCost })
  @Access(can.read)
  paymentArrangements(@Args() args: PaymentArrangementsArgs): Promise<PaymentArrangementConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Query(() => PaymentArrangement, { nullable: true })
  @Access(can.read)
  async paymentArrangement(@IdArg('id') id: string): Promise<PaymentArrangement | null> {
    const entity = await this.service.find(id);
    return entity ? PaymentArrangement.from(entity) : null;
  }

  @Mutation(() => PaymentArrangementResult, {
    description: 'Agrees an arrangement and generates its instalments until the arrears are covered. One active arrangement per account.',
  })
  @Access(can.manage)
  makePaymentArrangement(@Args('input') input: MakePaymentArrangementInput): Changed {
    return this.service.make(input);
  }

  @Mutation(() => PaymentArrangementResult, { description: 'Ends an active arrangement, with the reason kept in its note.' })
  @Access(can.manage)
  cancelPaymentArrangement(@Args() args: CancelPaymentArrangementArgs): Changed {
    return this.service.cancel(args.id, args.reason);
  }

  @ResolveField(() => [ArrangementInstalment], { description: 'The schedule, in date order.' })
  async instalments(@Parent() arrangement: PaymentArrangement): Promise<ArrangementInstalment[]> {
    return requestLoader('rent:arrangementInstalments', (ids: readonly string[]) => this.service.instalmentsOf(ids)).load(arrangement.id);
  }
}
