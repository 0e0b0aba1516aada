import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { Occupancy } from '../dwelling.model';
import { TenureType } from '../tenancy.model';
import { MAX_DAYS_AHEAD } from './start-tenancy.input';
import { IsCalendarDate } from './validators';

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'A name, matched loosely (typing slips and word order forgiven), or the start of a reference.' })
  @IsOptional()
  @Trim()
  @Length(2, 100, { message: 'search must be 2 to 100 characters' })
  search?: string;
}

@InputType({ description: 'Which tenancies to list; all given conditions apply.' })
export class TenanciesFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'dwellingId must be a UUID' })
  dwellingId?: string;

  @Field(() => TenureType, { nullable: true })
  @IsOptional()
  @IsEnum(TenureType)
  tenureType?: TenureType;

  @Field(() => Boolean, { nullable: true, description: 'True: live today. False: ended or not yet started.' })
  @IsOptional()
  @IsBoolean()
  live?: boolean;
}

@InputType({ description: 'Which dwellings to list; all given conditions apply.' })
export class DwellingsFilter {
  @Field(() => String, { nullable: true, description: "The housing officer's area, exactly as the member names it." })
  @IsOptional()
  @Trim()
  @Length(1, 100)
  patch?: string;

  @Field(() => String, { nullable: true, description: 'A full postcode, a district ("CF10": that district only), or the start of one ("CF", "CF10 1").' })
  @IsOptional()
  @Trim()
  @Length(1, 10)
  @Matches(/^[A-Za-z0-9 ]+$/, { message: 'postcode may hold letters, digits and spaces only' })
  postcode?: string;

  @Field(() => TenureType, { nullable: true, description: "The live tenancy's tenure." })
  @IsOptional()
  @IsEnum(TenureType)
  tenureType?: TenureType;

  @Field(() => Occupancy, { nullable: true })
  @IsOptional()
  @IsEnum(Occupancy)
  occupancy?: Occupancy;

  @Field(() => String, { nullable: true, description: 'An address, matched loosely (typing slips and word order forgiven), or the start of an asset or tenancy reference.' })
  @IsOptional()
  @Trim()
  @Length(2, 100, { message: 'search must be 2 to 100 characters' })
  search?: string;
}

@ArgsType()
export class TenancyTermsArgs {
  @Field(() => String, { nullable: true, description: 'The start date the tenure types are for; defaults to today.' })
  @IsOptional()
  @IsCalendarDate(MAX_DAYS_AHEAD)
  startDate?: string;
}

@ArgsType()
export class TenanciesArgs extends PageArgs {
  @Field(() => TenanciesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TenanciesFilter)
  filter?: TenanciesFilter;
}

@ArgsType()
export class DwellingsArgs extends PageArgs {
  @Field(() => DwellingsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => DwellingsFilter)
  filter?: DwellingsFilter;
}
