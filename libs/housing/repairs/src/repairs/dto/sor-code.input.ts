import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { Trade } from '../repairs.model';
import { PRIORITY_CODE } from '../../repairs.settings';

/** The shape the sor_code table checks: a letter or digit, then up to 19 of letters, digits and . _ / -. */
export const SOR_CODE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,19}$/;
export const MAX_COST_PENCE = 100_000_000;
export const MAX_STANDARD_MINUTES = 100_000;

@InputType({ description: 'A schedule-of-rates code to add, or to change when the code exists.' })
export class SaveSorCodeInput {
  @Field()
  @Trim()
  @Matches(SOR_CODE, { message: 'code must be 1 to 20 letters, digits, dots, underscores, slashes or hyphens, starting with a letter or digit' })
  code!: string;

  @Field()
  @Trim()
  @Length(1, 500, { message: 'description must be 1 to 500 characters' })
  description!: string;

  @Field(() => Trade)
  @IsEnum(Trade)
  trade!: Trade;

  @Field({ description: "One of the member's priority codes (repairs settings)." })
  @Matches(PRIORITY_CODE, { message: 'defaultPriority must be a priority code such as "routine"' })
  defaultPriority!: string;

  @Field(() => Int, { description: 'Price of one unit in pence.' })
  @IsInt()
  @Min(0, { message: 'costPence must not be negative' })
  @Max(MAX_COST_PENCE, { message: `costPence must be at most ${MAX_COST_PENCE}` })
  costPence!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'standardMinutes must not be negative' })
  @Max(MAX_STANDARD_MINUTES, { message: `standardMinutes must be at most ${MAX_STANDARD_MINUTES}` })
  standardMinutes!: number;

  @Field({ defaultValue: true })
  @IsBoolean()
  active!: boolean;
}

@InputType({ description: 'Which SOR codes to list; all given conditions apply.' })
export class SorCodesFilter {
  @Field(() => Trade, { nullable: true })
  @IsOptional()
  @IsEnum(Trade)
  trade?: Trade;

  @Field(() => String, { nullable: true, description: 'Words in the code or description, any case.' })
  @IsOptional()
  @Trim()
  @Length(1, 100)
  search?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class SorCodesArgs extends PageArgs {
  @Field(() => SorCodesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SorCodesFilter)
  filter?: SorCodesFilter;
}
