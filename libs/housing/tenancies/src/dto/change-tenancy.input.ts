import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { Relationship, TenancyEndReason } from '../tenancy.model';
import { MAX_DAYS_AHEAD } from './start-tenancy.input';
import { IsCalendarDate } from './validators';

@InputType({ description: 'The end of a tenancy.' })
export class EndTenancyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field({ description: `The last day of the tenancy (inclusive), YYYY-MM-DD; at most ${MAX_DAYS_AHEAD} days ahead.` })
  @IsCalendarDate(MAX_DAYS_AHEAD)
  endDate!: string;

  @Field(() => TenancyEndReason)
  @IsEnum(TenancyEndReason)
  reason!: TenancyEndReason;
}

@InputType({ description: 'A succession: a household member or joint tenant takes over from a tenant who died or left.' })
export class RecordSuccessionInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenancyId must be a UUID' })
  tenancyId!: string;

  @Field(() => ID, { description: 'The tenant who died or left.' })
  @IsUUID('all', { message: 'formerTenantId must be a UUID' })
  formerTenantId!: string;

  @Field(() => ID, { description: 'A current household member, or a surviving joint tenant.' })
  @IsUUID('all', { message: 'successorId must be a UUID' })
  successorId!: string;

  @Field({ description: 'When the succession happened (the former tenant left), YYYY-MM-DD; not in the future.' })
  @IsCalendarDate(0)
  date!: string;
}

@InputType({ description: 'Two households of this member swap homes.' })
export class RecordMutualExchangeInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenancyId must be a UUID' })
  tenancyId!: string;

  @Field(() => ID, { description: 'The tenancy of the other household.' })
  @IsUUID('all', { message: 'withTenancyId must be a UUID' })
  withTenancyId!: string;

  @Field({ description: `The first day in the new homes, YYYY-MM-DD; the old tenancies end the day before. At most ${MAX_DAYS_AHEAD} days ahead.` })
  @IsCalendarDate(MAX_DAYS_AHEAD)
  exchangedOn!: string;
}

@InputType({ description: 'Someone joining a household.' })
export class AddHouseholdMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenancyId must be a UUID' })
  tenancyId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId!: string;

  @Field(() => Relationship, { nullable: true })
  @IsOptional()
  @IsEnum(Relationship)
  relationship?: Relationship | null;

  @Field(() => String, { nullable: true, description: 'Defaults to today.' })
  @IsOptional()
  @IsCalendarDate(MAX_DAYS_AHEAD)
  joinedOn?: string | null;
}

@InputType({ description: 'Someone leaving a household.' })
export class RemoveHouseholdMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'tenancyId must be a UUID' })
  tenancyId!: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId!: string;

  @Field(() => String, { nullable: true, description: 'Their last day in the household; defaults to today.' })
  @IsOptional()
  @IsCalendarDate(MAX_DAYS_AHEAD)
  leftOn?: string | null;
}
