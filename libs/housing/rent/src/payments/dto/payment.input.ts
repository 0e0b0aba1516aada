import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { PaymentChannel, PaymentSource } from '../payments.model';
import { MAX_PAYMENT_PENCE } from '../payment.importer';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Printable ASCII without spaces: what providers' systems use for keys (UUIDs, "PAY-000123"). */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@InputType({ description: 'Which payments to list; all given conditions apply.' })
export class PaymentsFilter {
  @Field(() => ID, { nullable: true, description: "The account's payments (allocated to it)." })
  @IsOptional()
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId?: string;

  @Field(() => PaymentSource, { nullable: true })
  @IsOptional()
  @IsEnum(PaymentSource)
  source?: PaymentSource;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: received on or after this day.' })
  @IsOptional()
  @Matches(DAY, { message: 'receivedFrom must be a date written YYYY-MM-DD' })
  receivedFrom?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: received on or before this day.' })
  @IsOptional()
  @Matches(DAY, { message: 'receivedTo must be a date written YYYY-MM-DD' })
  receivedTo?: string;
}

@ArgsType()
export class PaymentsArgs extends PageArgs {
  @Field(() => PaymentsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentsFilter)
  filter?: PaymentsFilter;
}

@InputType({ description: 'A payment in suspense and the rent account it pays.' })
export class AllocatePaymentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'paymentId must be a UUID' })
  paymentId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;
}

@InputType({ description: "A payment a provider received for the member. Send the same key and body again to retry: it is recorded once." })
export class PostPaymentInput {
  @Field({ description: "The provider's own key for this payment, 1 to 200 printable characters without spaces; a retry sends the same key and body." })
  @Matches(IDEMPOTENCY_KEY, { message: 'idempotencyKey must be 1 to 200 printable characters without spaces' })
  idempotencyKey!: string;

  @Field({ description: "The reference the payer quoted: it pays the open rent account with that payment reference (any case, spaces ignored), else waits in suspense." })
  @Trim()
  @Length(1, 100, { message: 'paymentReference must be 1 to 100 characters' })
  paymentReference!: string;

  @Field(() => Int, { description: `Pence, 1 to ${MAX_PAYMENT_PENCE}.` })
  @IsInt({ message: 'amountPence must be a whole number of pence' })
  @Min(1, { message: 'amountPence must be more than 0' })
  @Max(MAX_PAYMENT_PENCE, { message: `amountPence must be at most ${MAX_PAYMENT_PENCE}` })
  amountPence!: number;

  @Field({ description: 'YYYY-MM-DD: the day the money was received, not in the future (UK time).' })
  @Matches(DAY, { message: 'receivedOn must be a date written YYYY-MM-DD' })
  receivedOn!: string;

  @Field(() => PaymentChannel)
  @IsEnum(PaymentChannel)
  channel!: PaymentChannel;
}
