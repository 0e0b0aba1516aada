import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { rentPermissions as can } from '../rent.permissions';
import { AdjustmentResult, RefundResult, TransferResult } from './accounts.model';
import { AdjustRentAccountInput, RefundPaymentInput, TransferRentCreditInput } from './dto/ledger.input';
import { Ledger } from './ledger.service';

/** The ledger's corrections staff make by hand; payments arrive through the payments area. */
@Resolver()
export class LedgerResolver {
  constructor(private readonly ledger: Ledger) {}

  @Mutation(() => RefundResult, { description: 'Pays back (part of) an allocated payment: a REFUND on its account, paired with the payment.' })
  @Access(can.manage)
  refundPayment(@Args('input') input: RefundPaymentInput) {
    return this.ledger.refund(input);
  }

  @Mutation(() => TransferResult, { description: "Moves credit between accounts: TRANSFER_OUT on the source, TRANSFER_IN on the target." })
  @Access(can.manage)
  transferRentCredit(@Args('input') input: TransferRentCreditInput) {
    return this.ledger.transfer(input);
  }

  @Mutation(() => AdjustmentResult, { description: 'Corrects an account with an ADJUSTMENT, for a reason the ledger keeps.' })
  @Access(can.manage)
  adjustRentAccount(@Args('input') input: AdjustRentAccountInput) {
    return this.ledger.adjust(input);
  }
}
