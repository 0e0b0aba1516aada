import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Length, Max, Min, NotEquals } from 'class-validator';
import { Trim } from '@hearth/platform-graphql';
import { IsDay, MAX_POSTING_PENCE } from './accounts.input';

/** Reasons go on the ledger line after a label ("Refund: "), within its 200 characters. */
const REASON = { min: 3, max: 180 };
const Reason = () => Length(REASON.min, REASON.max, { message: `reason must be ${REASON.min} to ${REASON.max} characters` });

/** Whole pence, within what one posting may be. */
const Pence = () =>
  applyDecorators(
    IsInt({ message: 'amountPence must be a whole number of pence' }),
    Max(MAX_POSTING_PENCE, { message: `amountPence must be at most ${MAX_POSTING_PENCE}` }),
  );

@InputType({ description: 'Pays back (part of) an allocated payment.' })
export class RefundPaymentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'paymentId must be a UUID' })
  paymentId!: string;

  @Field(() => Int, { description: 'Pence, at most what is left of the payment after earlier refunds.' })
  @Pence()
  @Min(1, { message: 'amountPence must be at least 1' })
  amountPence!: number;

  @Field({ description: 'Why, as the ledger and statements show it.' })
  @Trim()
  @Reason()
  reason!: string;
}

@InputType({ description: 'Moves credit from one rent account to another (a former tenancy\'s to the new one, say).' })
export class TransferRentCreditInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'fromAccountId must be a UUID' })
  fromAccountId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'toAccountId must be a UUID' })
  toAccountId!: string;

  @Field(() => Int, { description: 'Pence; the source must be in credit by at least this much.' })
  @Pence()
  @Min(1, { message: 'amountPence must be at least 1' })
  amountPence!: number;

  @Field()
  @Trim()
  @Reason()
  reason!: string;
}

@InputType({ description: 'Corrects an account: positive adds to what is owed, negative takes from it.' })
export class AdjustRentAccountInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @Field(() => Int)
  @Pence()
  @NotEquals(0, { message: 'amountPence must not be 0' })
  @Min(-MAX_POSTING_PENCE, { message: `amountPence must be at least -${MAX_POSTING_PENCE}` })
  amountPence!: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day it counts from (default today).' })
  @IsOptional()
  @IsDay()
  effectiveOn?: string;

  @Field()
  @Trim()
  @Reason()
  reason!: string;
}
