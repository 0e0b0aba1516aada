import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { ArrangementFrequency, ArrangementStatus } from '../arrangement.model';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The most one instalment or one arrangement may be: the ledger's own limit on a single amount. */
const MAX_PENCE = 100_000_000;

@InputType({ description: 'An arrangement to clear an account\'s arrears by instalments, on top of the rent.' })
export class MakePaymentArrangementInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'accountId must be a UUID' })
  accountId!: string;

  @Field(() => Int)
  @IsInt({ message: 'instalmentPence must be a whole number of pence' })
  @Min(1, { message: 'instalmentPence must be at least 1' })
  @Max(MAX_PENCE, { message: `instalmentPence must be at most ${MAX_PENCE}` })
  instalmentPence!: number;

  @Field(() => ArrangementFrequency)
  @IsEnum(ArrangementFrequency)
  frequency!: ArrangementFrequency;

  @Field({ description: 'YYYY-MM-DD: the first instalment is due on this day (it may be in the past, to record an arrangement agreed earlier).' })
  @Matches(DAY, { message: 'startsOn must be a date written YYYY-MM-DD' })
  startsOn!: string;

  @Field(() => Int, { nullable: true, description: "What it is to clear; the account's balance when not given. Must be more than 0." })
  @IsOptional()
  @IsInt({ message: 'arrearsPence must be a whole number of pence' })
  @Min(1, { message: 'arrearsPence must be more than 0' })
  @Max(MAX_PENCE, { message: `arrearsPence must be at most ${MAX_PENCE}` })
  arrearsPence?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string;
}

@InputType({ description: 'Which arrangements to list; all given conditions apply.' })
export class PaymentArrangementsFilter {
  @Field(() => ArrangementStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ArrangementStatus)
  status?: ArrangementStatus;
}

@ArgsType()
export class PaymentArrangementsArgs extends PageArgs {
  @Field(() => PaymentArrangementsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentArrangementsFilter)
  filter?: PaymentArrangementsFilter;
}

@ArgsType()
export class CancelPaymentArrangementArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field({ description: 'Why it ends, kept in its note.' })
  @Trim()
  @Length(1, 500, { message: 'reason must be 1 to 500 characters' })
  reason!: string;
}
