import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult, enumOf, InputProblem, resultUnion } from '@hearth/platform-graphql';
import { LETTER_LANGUAGES, type LetterLanguage } from '../rent.entities';
import type { StatementLabels as Labels } from './statement-labels';
import { RentAccountNotFound } from '../accounts/accounts.model';

export const RentLanguage = enumOf(LETTER_LANGUAGES, { name: 'RentLanguage', description: 'English or Welsh (Cymraeg), of a statement or a letter.' });
export type RentLanguage = LetterLanguage;

@ObjectType({ description: "A statement's words in its language, for a client that lays the statement out itself." })
export class StatementLabels implements Labels {
  @Field() title!: string;
  @Field() period!: string;
  @Field({ description: 'Tenant, or contract-holder for a Welsh member.' }) holder!: string;
  @Field() address!: string;
  @Field() paymentReference!: string;
  @Field() date!: string;
  @Field() description!: string;
  @Field() amount!: string;
  @Field() balance!: string;
  @Field() openingBalance!: string;
  @Field() closingBalance!: string;
  @Field() totalCharged!: string;
  @Field() totalPaid!: string;
  @Field() otherMovements!: string;
  @Field() inArrears!: string;
  @Field() inCredit!: string;
  @Field() produced!: string;
  @Field() page!: string;
}

@ObjectType({ description: 'One transaction on a statement, with the balance after it.' })
export class StatementLine {
  @Field(() => ID) transactionId!: string;
  @Field({ description: 'YYYY-MM-DD: the day it counts from.' }) effectiveOn!: string;
  @Field({ description: "What it is in the statement's language: Rent, Payment, Taliad..." }) label!: string;
  @Field({ description: 'As posted.' }) description!: string;
  @Field(() => String, { nullable: true, description: "A charge's period, in the statement's language." }) period!: string | null;
  @Field(() => Int, { description: 'Positive is charged, negative is paid or credited.' }) amountPence!: number;
  @Field(() => Int, { description: 'The balance after this transaction: positive is arrears.' }) balancePence!: number;
}

@ObjectType({ description: 'A rent account between two days: the opening balance, every transaction with the running balance, and the closing balance.' })
export class RentStatement {
  @Field(() => ID) accountId!: string;
  @Field() paymentReference!: string;
  @Field(() => RentLanguage) language!: RentLanguage;
  @Field({ description: 'YYYY-MM-DD, the first day included.' }) from!: string;
  @Field({ description: 'YYYY-MM-DD, the last day included.' }) to!: string;
  @Field({ description: 'The contract-holder (the tenancy\'s first tenant) as addressed.' }) holderName!: string;
  @Field(() => [String], { description: "The tenancy's dwelling, one line each." }) address!: string[];
  @Field({ description: "The member's name, in Welsh on a Welsh statement when it has one." }) memberName!: string;
  @Field(() => Int, { description: 'The balance at the start of `from`: every transaction before it.' }) openingBalancePence!: number;
  @Field(() => Int) closingBalancePence!: number;
  @Field(() => Int, { description: 'Charges in the period.' }) chargesPence!: number;
  @Field(() => Int, { description: 'Payments in the period, as a positive amount.' }) paymentsPence!: number;
  @Field(() => Int, { description: 'Refunds, transfers and adjustments in the period, net: opening + charges - payments + other = closing.' })
  otherPence!: number;
  @Field(() => [StatementLine]) lines!: StatementLine[];
  @Field(() => StatementLabels) labels!: StatementLabels;
  @Field({ description: 'The same statement as a PDF: GET it with the same Authorization header.' }) pdfUrl!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'The period is not one a statement can cover.' })
export class StatementInvalid implements ErrorResult {
  @Field() code!: 'STATEMENT_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): StatementInvalid {
    return Object.assign(new StatementInvalid(), { code: 'STATEMENT_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

export type StatementFailure = RentAccountNotFound | StatementInvalid;

export const RentStatementResult = resultUnion('RentStatementResult', 'The statement, or why there is none.', [RentStatement, RentAccountNotFound, StatementInvalid]);
