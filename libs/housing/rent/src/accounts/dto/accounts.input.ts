import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min,
  ValidateBy, ValidateNested, type ValidationOptions,
} from 'class-validator';
import { isCalendarDay } from '@hearth/platform-calendar';
import { HasDecimalPlaces, PageArgs, Trim } from '@hearth/platform-graphql';
import { CHARGE_WEEKS, type AccountFrequency, type ChargeWeeks } from '../../rent.entities';
import { RentFrequency } from '../../runs/rent-run.model';
import { ChargeType } from '../accounts.model';
import { normalisePaymentReference, PAYMENT_REFERENCE } from '../payment-reference';

/** The most one charge may be, as the schedule's check allows: £100,000 a week or month. */
export const MAX_CHARGE_PENCE = 10_000_000;
/** The most one refund, transfer or adjustment may be: £1m, as a payment's check allows. */
export const MAX_POSTING_PENCE = 100_000_000;


/** A UK calendar day written YYYY-MM-DD. */
export const IsDay = (options?: ValidationOptions) =>
  ValidateBy({
    name: 'isDay',
    validator: { validate: (value: unknown) => isCalendarDay(value), defaultMessage: (args) => `${args!.property} must be a date written YYYY-MM-DD` },
  }, options);

@InputType({ description: 'A charge type\'s amount from a day on.' })
export class ChargeInput {
  @Field(() => ChargeType)
  @IsEnum(ChargeType)
  chargeType!: ChargeType;

  @Field(() => Int, { description: 'Pence per charged week (weekly accounts) or per month (monthly accounts).' })
  @IsInt({ message: 'amountPence must be a whole number of pence' })
  @Min(0, { message: 'amountPence must not be negative' })
  @Max(MAX_CHARGE_PENCE, { message: `amountPence must be at most ${MAX_CHARGE_PENCE}` })
  amountPence!: number;

  @Field({ description: 'YYYY-MM-DD.' })
  @IsDay()
  effectiveFrom!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, 200, { message: 'description must be 1 to 200 characters' })
  description?: string | null;
}

@InputType({ description: 'A rent account to open for a tenancy, with its first charges.' })
export class OpenRentAccountInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenancyId must be a UUID' })
  tenancyId!: string;

  @Field(() => RentFrequency)
  @IsEnum(RentFrequency)
  frequency!: AccountFrequency;

  @Field(() => Int, { nullable: true, description: 'Weekly accounts only: 52 (the default), or 50 or 48 with the member\'s rent-free weeks.' })
  @IsOptional()
  @IsIn(CHARGE_WEEKS, { message: 'chargeWeeks must be 52, 50 or 48' })
  chargeWeeks?: ChargeWeeks | null;

  @Field({ description: 'YYYY-MM-DD: not before the tenancy started.' })
  @IsDay()
  openedOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the tenant will quote when paying: 3 to 30 letters, digits, / and -, stored upper-case without spaces. Generated (R and 8 digits) when not given.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalisePaymentReference(value) : value))
  @Matches(PAYMENT_REFERENCE, { message: 'paymentReference must be 3 to 30 letters, digits, / and -, starting with a letter or digit' })
  paymentReference?: string | null;

  @Field(() => [ChargeInput])
  @IsArray()
  @ArrayMinSize(1, { message: 'charges must give at least one charge' })
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ChargeInput)
  charges!: ChargeInput[];
}

@InputType({ description: 'A new row of an account\'s charge schedule: the charge type\'s amount from a day on.' })
export class SetRentChargeInput extends ChargeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;
}

@InputType({ description: 'The annual rent review: every open account\'s charges of the types given change by a percentage from a day.' })
export class ReviewRentsInput {
  @Field({ description: 'YYYY-MM-DD: usually the first Monday of April, the start of the rent year.' })
  @IsDay()
  effectiveFrom!: string;

  @Field(() => Float, { description: 'The change, e.g. 2.7 for CPI + 1% or -1 for a cut; amounts are rounded to the penny.' })
  @HasDecimalPlaces(2, 'percent must be a number with at most two decimals')
  @Min(-50, { message: 'percent must be between -50 and 50' })
  @Max(50, { message: 'percent must be between -50 and 50' })
  percent!: number;

  @Field(() => [ChargeType])
  @IsArray()
  @ArrayMinSize(1, { message: 'chargeTypes must name at least one charge type' })
  @ArrayUnique({ message: 'chargeTypes must not name a type twice' })
  @IsEnum(ChargeType, { each: true })
  chargeTypes!: ChargeType[];
}

@InputType({ description: 'Closes an account: it takes no new charges or payments after.' })
export class CloseRentAccountInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @Field({ description: 'YYYY-MM-DD: the last day of the account.' })
  @IsDay()
  closedOn!: string;
}

@InputType({ description: 'Which rent accounts to list; all given conditions apply.' })
export class RentAccountsFilter {
  @Field(() => Boolean, { nullable: true, description: 'True: balance above zero. False: clear or in credit.' })
  @IsOptional()
  @IsBoolean()
  inArrears?: boolean;

  @Field(() => String, { nullable: true, description: "An arrears band code of the member's settings." })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'band must be a band code' })
  band?: string;

  @Field(() => String, { nullable: true, description: 'Exactly this reference (any case, spaces ignored).' })
  @IsOptional()
  @Trim()
  @Length(1, 100)
  paymentReference?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'tenancyId must be a UUID' })
  tenancyId?: string;

  @Field(() => String, { nullable: true, description: "The start of a payment reference, or of a tenant's family name." })
  @IsOptional()
  @Trim()
  @Length(2, 100, { message: 'search must be 2 to 100 characters' })
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Closed accounts too (default: open accounts only).' })
  @IsOptional()
  @IsBoolean()
  includeClosed?: boolean;
}

@ArgsType()
export class RentAccountsArgs extends PageArgs {
  @Field(() => RentAccountsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RentAccountsFilter)
  filter?: RentAccountsFilter;
}

@ArgsType()
export class RentTransactionsArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: effective on or after this day.' })
  @IsOptional()
  @IsDay()
  from?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: effective on or before this day.' })
  @IsOptional()
  @IsDay()
  to?: string;
}
