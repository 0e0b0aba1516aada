import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, enumOf } from '@hearth/platform-graphql';
import {
  PAYMENT_CHANNELS, PAYMENT_SOURCES, type PaymentChannel as PaymentChannelValue, type PaymentEntity, type PaymentSource as PaymentSourceValue,
} from '../rent.entities';

export const PaymentChannel = enumOf(PAYMENT_CHANNELS, {
  name: 'PaymentChannel',
  description: 'How the money came: bank transfer, card, Direct Debit, standing order, Housing Benefit, Universal Credit direct payment, cash, cheque, other.',
});
export type PaymentChannel = PaymentChannelValue;

export const PaymentSource = enumOf(PAYMENT_SOURCES, {
  name: 'PaymentSource',
  description: "How Hearth heard of it: a payment file import, a payment provider's posting, or staff.",
});
export type PaymentSource = PaymentSourceValue;

@ObjectType({ description: 'Money received for rent: allocated to an account, or in suspense until staff allocate it.' })
export class Payment {
  @Field(() => ID) id!: string;
  @Field(() => PaymentSource) source!: PaymentSource;
  @Field(() => PaymentChannel) channel!: PaymentChannel;
  @Field(() => String, { nullable: true, description: 'As the payer gave it; matched to an account after upper-casing and removing spaces.' })
  paymentReference!: string | null;
  @Field(() => Int) amountPence!: number;
  @Field({ description: 'YYYY-MM-DD: the day the money was received.' }) receivedOn!: string;
  @Field(() => String, { nullable: true, description: "A file line's payment_id: the bank's or provider's id for it." }) externalId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null while in suspense.' }) accountId!: string | null;
  @Field(() => Date, { nullable: true }) allocatedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who allocated it: a person, or the import or posting that matched its reference.' })
  allocatedBy!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() createdAt!: Date;
  @Field() createdBy!: string;

  static from(entity: PaymentEntity): Payment {
    const { id, source, channel, paymentReference, amountPence, receivedOn, externalId, accountId, allocatedAt, allocatedBy, note, createdAt, createdBy } = entity;
    return Object.assign(new Payment(), {
      id, source, channel, paymentReference, amountPence, receivedOn, externalId, accountId, allocatedAt, allocatedBy, note, createdAt, createdBy,
    });
  }
}

@ObjectType()
export class PaymentConnection extends Connection(Payment) {}

/** Builds a typed failure: `failure(new X(), 'X_CODE', message, extra)`. */
function failure<T extends ErrorResult>(result: T, code: string, message: string, extra: Partial<T> = {}): T {
  return Object.assign(result, { code, message }, extra);
}

@ObjectType({ implements: () => ErrorResult, description: 'No payment with that id is visible to this member.' })
export class PaymentNotFound implements ErrorResult {
  @Field() code!: 'PAYMENT_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): PaymentNotFound {
    return failure(new PaymentNotFound(), 'PAYMENT_NOT_FOUND', `There is no payment ${id}`, { id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The payment is allocated already; nothing changed. Move credit between accounts with a transfer.' })
export class PaymentAlreadyAllocated implements ErrorResult {
  @Field() code!: 'PAYMENT_ALREADY_ALLOCATED';
  @Field() message!: string;
  @Field(() => ID) paymentId!: string;
  @Field(() => ID) accountId!: string;

  static of(paymentId: string, accountId: string): PaymentAlreadyAllocated {
    return failure(new PaymentAlreadyAllocated(), 'PAYMENT_ALREADY_ALLOCATED', `Payment ${paymentId} is already allocated to account ${accountId}`, { paymentId, accountId });
  }
}

export const PAYMENT_STATUSES = ['allocated', 'suspense'] as const;
export const PaymentStatus = enumOf(PAYMENT_STATUSES, { name: 'PaymentStatus', description: 'ALLOCATED to a rent account, or in SUSPENSE until staff allocate it.' });
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

@ObjectType({ description: "A provider's payment as Hearth recorded it, now or (replayed) when its idempotency key was first received." })
export class PaymentRecorded {
  @Field(() => ID) paymentId!: string;
  @Field() idempotencyKey!: string;
  @Field(() => PaymentStatus, { description: 'Where the payment is now: ALLOCATED when its reference matched an open account, else SUSPENSE.' })
  status!: PaymentStatus;
  @Field({ description: 'True when this answers a retry: the payment had already been recorded and nothing changed now.' }) replayed!: boolean;
  @Field({ description: 'When Hearth first recorded the payment.' }) receivedAt!: Date;

  static of(fields: Omit<PaymentRecorded, 'replayed'>, replayed: boolean): PaymentRecorded {
    return Object.assign(new PaymentRecorded(), { ...fields, replayed });
  }
}

@ObjectType({
  implements: () => ErrorResult,
  description: 'This client already posted a different payment with that idempotency key; nothing changed. Give every new payment a new key.',
})
export class IdempotencyKeyReused implements ErrorResult {
  @Field() code!: 'IDEMPOTENCY_KEY_REUSED';
  @Field() message!: string;
  @Field() idempotencyKey!: string;
  @Field({ description: 'When the first payment with this key was recorded.' }) firstReceivedAt!: Date;

  static of(idempotencyKey: string, firstReceivedAt: Date): IdempotencyKeyReused {
    return failure(new IdempotencyKeyReused(), 'IDEMPOTENCY_KEY_REUSED',
      `Idempotency key ${idempotencyKey} was first used at ${firstReceivedAt.toISOString()} for a different payment; send a new key for a new payment`,
      { idempotencyKey, firstReceivedAt });
  }
}
