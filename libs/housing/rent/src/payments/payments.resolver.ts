import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, PageArgs, resultUnion } from '@hearth/platform-graphql';
import { rentPermissions as can } from '../rent.permissions';
import { AllocatePaymentInput, PaymentsArgs, PostPaymentInput } from './dto/payment.input';
import { PartnerPaymentService } from './partner-payments.service';
import type { AllocationFailure } from '../accounts/ledger.service';
import { RentAccountClosed, RentAccountNotFound } from '../accounts/accounts.model';
import { IdempotencyKeyReused, Payment, PaymentAlreadyAllocated, PaymentConnection, PaymentNotFound, PaymentRecorded } from './payments.model';
import { PaymentService } from './payments.service';

const AllocatePaymentResult = resultUnion('AllocatePaymentResult', 'The payment as allocated, or why it was not.', [
  Payment, PaymentNotFound, PaymentAlreadyAllocated, RentAccountNotFound, RentAccountClosed,
]);
const PostPaymentResult = resultUnion('PostPaymentResult', 'The payment as recorded (or as first recorded, for a retry), or why not.', [
  PaymentRecorded, IdempotencyKeyReused,
]);

@Resolver(() => Payment)
export class PaymentResolver {
  constructor(
    private readonly paymentService: PaymentService,
    private readonly partnerPayments: PartnerPaymentService,
  ) {}

  @Query(() => PaymentConnection, { description: 'Payments waiting in suspense for staff to allocate, oldest first.', complexity: connectionCost })
  @Access(can.manage)
  suspensePayments(@Args() args: PageArgs): Promise<PaymentConnection> {
    return this.paymentService.suspense(args);
  }

  @Query(() => PaymentConnection, { description: 'Payments received, newest first.', complexity: connectionCost })
  @Access(can.read)
  payments(@Args() args: PaymentsArgs): Promise<PaymentConnection> {
    return this.paymentService.list(args.filter ?? {}, args);
  }

  @Mutation(() => AllocatePaymentResult, { description: 'Allocates a payment in suspense to a rent account: its ledger transaction is posted and the balance moves.' })
  @Access(can.manage)
  allocatePayment(@Args('input') input: AllocatePaymentInput): Promise<Payment | AllocationFailure> {
    return this.paymentService.allocate(input);
  }

  @Mutation(() => PostPaymentResult, {
    description:
      "A payment provider's payment (scope payments:write), allocated when its reference names an open account, else held in suspense. "
      + 'Idempotent by idempotencyKey: a retry answers as the first time and changes nothing.',
  })
  @Access(can.postPayment)
  postPayment(@Args('input') input: PostPaymentInput): Promise<PaymentRecorded | IdempotencyKeyReused> {
    return this.partnerPayments.post(input);
  }
}
