import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { ACCOUNT_FREQUENCIES, type AccountFrequency } from '../../rent.entities';
import { RentFrequency } from '../rent-run.model';

@InputType({ description: "A period's charges to post for every live tenancy's open account of a frequency." })
export class StartRentRunInput {
  @Field(() => RentFrequency)
  @IsIn(ACCOUNT_FREQUENCIES)
  frequency!: AccountFrequency;

  @Field({ description: 'The first day of the period, YYYY-MM-DD: a Monday for weekly accounts, the 1st of a month for monthly ones.' })
  @Trim()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodStart must be a date written YYYY-MM-DD' })
  periodStart!: string;

  @Field({ nullable: true, defaultValue: false, description: 'Count what would be posted, with a sample, and post nothing.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

@ArgsType()
export class RentRunsArgs extends PageArgs {}
