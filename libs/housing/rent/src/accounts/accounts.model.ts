import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import { TenancyNotFound } from '@hearth/housing-tenancies';
import {
  CHARGE_TYPES, TRANSACTION_KINDS, type AccountFrequency, type ChargeType as ChargeTypeValue, type TransactionKind as TransactionKindValue,
} from '../rent.entities';
import { PaymentNotFound } from '../payments/payments.model';
import { RentFrequency } from '../runs/rent-run.model';

export const ChargeType = enumOf(CHARGE_TYPES, { name: 'ChargeType', description: 'What a charge is for: RENT, SERVICE_CHARGE or OTHER.' });
export type ChargeType = ChargeTypeValue;

export const RentTransactionKind = enumOf(TRANSACTION_KINDS, {
  name: 'RentTransactionKind',
  description: 'CHARGE and REFUND add to what is owed; PAYMENT and TRANSFER_IN take from it; TRANSFER_OUT moves credit away (adds); ADJUSTMENT either way.',
});
export type RentTransactionKind = TransactionKindValue;

/** A rent account as the accounts SQL selects it (see ACCOUNT_COLUMNS). */
export interface RentAccountRow {
  id: string;
  tenancyId: string;
  paymentReference: string;
  frequency: AccountFrequency;
  chargeWeeks: number | null;
  openedOn: string;
  closedOn: string | null;
  balancePence: number;
  /** The current charges' weekly equivalent (monthly × 12 / 52). */
  weeklyChargePence: number;
  createdAt: Date;
  updatedAt: Date;
}

@ObjectType({ description: "An arrears band of the member's settings: arrears of fromWeeks weeks of rent or more." })
export class RentBand {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) fromWeeks!: number;
}

@ObjectType({ description: 'A tenancy\'s rent account: what it is charged, what has been paid, and its balance (positive when in arrears).' })
export class RentAccount {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenancyId!: string;
  @Field({ description: 'What the tenant quotes when paying, so that payments find the account.' }) paymentReference!: string;
  @Field(() => RentFrequency) frequency!: AccountFrequency;
  @Field(() => Int, { nullable: true, description: 'Weekly accounts: 52, or 50 or 48 with the member\'s rent-free weeks. Null for monthly accounts.' })
  chargeWeeks!: number | null;
  @Field({ description: 'YYYY-MM-DD.' }) openedOn!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null while open.' }) closedOn!: string | null;
  @Field(() => Int, { description: 'The sum of every transaction, in pence: positive is owed (arrears), negative is credit.' }) balancePence!: number;
  @Field(() => Float, { description: "Today's charges as a week's worth, in pence (a monthly account's × 12 / 52)." }) weeklyChargePence!: number;
  @Field(() => Float, { description: 'Arrears in weeks of rent: the balance over the weekly charge (0 when in credit or up to date).' })
  weeksInArrears!: number;
  @Field(() => RentBand, { nullable: true, description: "The member's arrears band the account falls in." }) band!: RentBand | null;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;

  static from(row: RentAccountRow, bands: readonly RentBand[]): RentAccount {
    const weeksInArrears = weeksOfRent(row.balancePence, row.weeklyChargePence);
    return Object.assign(new RentAccount(), { ...row, weeksInArrears, band: bandFor(bands, weeksInArrears) });
  }
}

/**
 * Arrears in weeks of the weekly charge. Credit and a clear account are 0 weeks; arrears on an
 * account with nothing charged now (all its charges ended) are infinitely many.
 */
export function weeksOfRent(balancePence: number, weeklyChargePence: number): number {
  if (balancePence <= 0) return 0;
  return weeklyChargePence > 0 ? balancePence / weeklyChargePence : Number.POSITIVE_INFINITY;
}

/** The last band (in rising order of fromWeeks) whose threshold the arrears have reached. */
export function bandFor<B extends { fromWeeks: number }>(bands: readonly B[], weeks: number): B | null {
  let found: B | null = null;
  for (const band of [...bands].sort((a, b) => a.fromWeeks - b.fromWeeks)) if (weeks >= band.fromWeeks) found = band;
  return found;
}

@ObjectType()
export class RentAccountConnection extends Connection(RentAccount) {}

@ObjectType({ description: 'A row of an account\'s charge schedule: what a charge type costs from a day on.' })
export class RentCharge {
  @Field(() => ID) accountId!: string;
  @Field(() => ChargeType) chargeType!: ChargeType;
  @Field({ description: 'YYYY-MM-DD: charged from this day until the next row of the type.' }) effectiveFrom!: string;
  @Field(() => Int, { description: 'Per charged week for a weekly account, per month for a monthly one.' }) amountPence!: number;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() createdAt!: Date;
  @Field() createdBy!: string;

  /** From a row selected with chargeColumns(). */
  static from(row: RentCharge): RentCharge {
    return Object.assign(new RentCharge(), row);
  }
}

/** A ledger transaction as the ledger SQL selects it (see TRANSACTION_COLUMNS). */
export interface RentTransactionRow {
  id: string;
  accountId: string;
  kind: RentTransactionKind;
  amountPence: number;
  effectiveOn: string;
  postedAt: Date;
  description: string;
  chargeType: ChargeType | null;
  periodStart: string | null;
  periodEnd: string | null;
  rentRunId: string | null;
  paymentId: string | null;
  pairId: string | null;
  postedBy: string;
}

@ObjectType({ description: 'A line of the ledger. Amounts are signed from the member\'s side: positive is owed, negative is paid.' })
export class RentTransaction {
  @Field(() => ID) id!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => RentTransactionKind) kind!: RentTransactionKind;
  @Field(() => Int) amountPence!: number;
  @Field({ description: 'YYYY-MM-DD: the day it counts from (a charge\'s period start, a payment\'s receipt).' }) effectiveOn!: string;
  @Field() postedAt!: Date;
  @Field() description!: string;
  @Field(() => ChargeType, { nullable: true }) chargeType!: ChargeType | null;
  @Field(() => String, { nullable: true }) periodStart!: string | null;
  @Field(() => String, { nullable: true }) periodEnd!: string | null;
  @Field(() => ID, { nullable: true }) rentRunId!: string | null;
  @Field(() => ID, { nullable: true }) paymentId!: string | null;
  @Field(() => ID, { nullable: true, description: "Ties a transfer's two halves together, and a refund to its payment's transaction." }) pairId!: string | null;
  @Field() postedBy!: string;
  @Field(() => Int, {
    nullable: true,
    description: 'The balance after this transaction, in ledger order (effective day, then posting time). Given in account listings, not in mutation results.',
  })
  runningBalancePence!: number | null;

  static from(row: RentTransactionRow & { runningBalancePence?: number }): RentTransaction {
    return Object.assign(new RentTransaction(), { runningBalancePence: null, ...row });
  }
}

@ObjectType()
export class RentTransactionConnection extends Connection(RentTransaction) {}

@ObjectType({ description: 'Credit moved between two accounts: the source\'s TRANSFER_OUT and the target\'s TRANSFER_IN, sharing pairId.' })
export class RentTransfer {
  @Field(() => ID) pairId!: string;
  @Field(() => RentTransaction) transferOut!: RentTransaction;
  @Field(() => RentTransaction) transferIn!: RentTransaction;
}

@ObjectType({ description: 'What a rent review added: a schedule row per open account and charge type that had none on the day.' })
export class RentReview {
  @Field() effectiveFrom!: string;
  @Field(() => Float) percent!: number;
  @Field(() => [ChargeType]) chargeTypes!: ChargeType[];
  @Field(() => Int, { description: 'Schedule rows added now.' }) chargesAdded!: number;
  @Field(() => Int, { description: 'Account charges that already had a row on that day (an earlier review or change); left as they were.' })
  chargesAlreadySet!: number;
}

/** Builds a typed failure with its code and message. */
function failure<T extends ErrorResult>(result: T, code: string, message: string, extra: Partial<T> = {}): T {
  return Object.assign(result, { code, message }, extra);
}

@ObjectType({ implements: () => ErrorResult, description: 'No rent account with that id is visible to this member; nothing changed.' })
export class RentAccountNotFound implements ErrorResult {
  @Field() code!: 'RENT_ACCOUNT_NOT_FOUND';
  @Field() message!: string;
  @Field(() => ID) id!: string;

  static of(id: string): RentAccountNotFound {
    return failure(new RentAccountNotFound(), 'RENT_ACCOUNT_NOT_FOUND', `There is no rent account ${id}`, { id });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The tenancy already has a rent account (one per tenancy); nothing changed.' })
export class RentAccountExists implements ErrorResult {
  @Field() code!: 'RENT_ACCOUNT_EXISTS';
  @Field() message!: string;
  @Field(() => ID) accountId!: string;
  @Field() paymentReference!: string;

  static of(accountId: string, paymentReference: string): RentAccountExists {
    return failure(new RentAccountExists(), 'RENT_ACCOUNT_EXISTS', `The tenancy already has rent account ${paymentReference}`, { accountId, paymentReference });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Another of the member\'s accounts has that payment reference; nothing changed.' })
export class PaymentReferenceTaken implements ErrorResult {
  @Field() code!: 'PAYMENT_REFERENCE_TAKEN';
  @Field() message!: string;
  @Field() paymentReference!: string;

  static of(paymentReference: string): PaymentReferenceTaken {
    return failure(new PaymentReferenceTaken(), 'PAYMENT_REFERENCE_TAKEN', `Payment reference ${paymentReference} belongs to another account`, { paymentReference });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The account is closed already; nothing changed.' })
export class RentAccountClosed implements ErrorResult {
  @Field() code!: 'RENT_ACCOUNT_CLOSED';
  @Field() message!: string;
  @Field(() => ID) id!: string;
  @Field() closedOn!: string;

  static of(id: string, closedOn: string): RentAccountClosed {
    return failure(new RentAccountClosed(), 'RENT_ACCOUNT_CLOSED', `Rent account ${id} was closed on ${closedOn}`, { id, closedOn });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The account already has a schedule row of that type from that day; nothing changed. Choose another day.' })
export class RentChargeExists implements ErrorResult {
  @Field() code!: 'RENT_CHARGE_EXISTS';
  @Field() message!: string;
  @Field(() => RentCharge) existing!: RentCharge;

  static of(existing: RentCharge): RentChargeExists {
    return failure(new RentChargeExists(), 'RENT_CHARGE_EXISTS',
      `The account's ${existing.chargeType.replace('_', ' ')} is already set from ${existing.effectiveFrom} (${existing.amountPence} pence)`, { existing });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The input breaks a rule of rent accounts or the ledger; nothing changed.' })
export class RentInputInvalid implements ErrorResult {
  @Field() code!: 'RENT_INPUT_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): RentInputInvalid {
    return failure(new RentInputInvalid(), 'RENT_INPUT_INVALID', problems.map((p) => p.message).join('; '), { problems });
  }

  static one(field: string, message: string): RentInputInvalid {
    return RentInputInvalid.of([InputProblem.of(field, message)]);
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The payment is in suspense (on no account), so there is nothing on the ledger to refund; nothing changed.' })
export class PaymentNotAllocated implements ErrorResult {
  @Field() code!: 'PAYMENT_NOT_ALLOCATED';
  @Field() message!: string;
  @Field(() => ID) paymentId!: string;

  static of(paymentId: string): PaymentNotAllocated {
    return failure(new PaymentNotAllocated(), 'PAYMENT_NOT_ALLOCATED', `Payment ${paymentId} is in suspense: allocate it to an account before refunding it`, { paymentId });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'A refund may not exceed what is left of the payment after earlier refunds; nothing changed.' })
export class RefundExceedsPayment implements ErrorResult {
  @Field() code!: 'REFUND_EXCEEDS_PAYMENT';
  @Field() message!: string;
  @Field(() => ID) paymentId!: string;
  @Field(() => Int) unrefundedPence!: number;

  static of(paymentId: string, unrefundedPence: number): RefundExceedsPayment {
    return failure(new RefundExceedsPayment(), 'REFUND_EXCEEDS_PAYMENT',
      `Only ${unrefundedPence} pence of payment ${paymentId} is left to refund`, { paymentId, unrefundedPence });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Only credit can be transferred: the source account is not in credit by the amount; nothing changed.' })
export class InsufficientCredit implements ErrorResult {
  @Field() code!: 'INSUFFICIENT_CREDIT';
  @Field() message!: string;
  @Field(() => ID) accountId!: string;
  @Field(() => Int, { description: 'The credit there is to transfer, in pence (0 when the account owes money).' }) creditPence!: number;

  static of(accountId: string, balancePence: number): InsufficientCredit {
    const creditPence = Math.max(0, -balancePence);
    return failure(new InsufficientCredit(), 'INSUFFICIENT_CREDIT',
      `Rent account ${accountId} has ${creditPence} pence of credit to transfer`, { accountId, creditPence });
  }
}

export type RentAccountFailure = RentAccountNotFound | RentAccountExists | PaymentReferenceTaken | RentAccountClosed | RentInputInvalid | TenancyNotFound;

export const RentAccountResult = resultUnion('RentAccountResult', 'The rent account after the change, or why not.', [
  RentAccount, RentAccountNotFound, RentAccountExists, PaymentReferenceTaken, RentAccountClosed, RentInputInvalid, TenancyNotFound,
]);

export const RentChargeResult = resultUnion('RentChargeResult', 'The schedule row added, or why not.', [
  RentCharge, RentAccountNotFound, RentChargeExists, RentAccountClosed, RentInputInvalid,
]);

export const RentReviewResult = resultUnion('RentReviewResult', 'What the review added, or why not.', [RentReview, RentInputInvalid]);

export const RefundResult = resultUnion('RefundResult', 'The refund transaction, or why not.', [
  RentTransaction, PaymentNotFound, PaymentNotAllocated, RefundExceedsPayment, RentInputInvalid,
]);

export const TransferResult = resultUnion('TransferResult', 'The transfer\'s two transactions, or why not.', [
  RentTransfer, RentAccountNotFound, RentAccountClosed, InsufficientCredit, RentInputInvalid,
]);

export const AdjustmentResult = resultUnion('AdjustmentResult', 'The adjustment transaction, or why not.', [RentTransaction, RentAccountNotFound]);
