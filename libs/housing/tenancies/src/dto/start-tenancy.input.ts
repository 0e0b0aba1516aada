import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Relationship, TenureType } from '../tenancy.model';
import { ReferenceInput, referenceKey } from './reference.input';
import { IsCalendarDate } from './validators';

/** How far ahead a tenancy may be set up (or ended): a sign-up is weeks ahead, not years. */
export const MAX_DAYS_AHEAD = 366;

@InputType({ description: 'A member of the household who is not a tenant.' })
export class HouseholdMemberInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'personId must be a UUID' })
  personId!: string;

  @Field(() => Relationship, { nullable: true, description: 'Their relationship to the tenant.' })
  @IsOptional()
  @IsEnum(Relationship)
  relationship?: Relationship | null;
}

@InputType({ description: 'A tenancy to start on a dwelling.' })
export class StartTenancyInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'dwellingId must be a UUID' })
  dwellingId!: string;

  @Field(() => TenureType, { description: "Must be one the member's country allows (see tenancyTerms)." })
  @IsEnum(TenureType)
  tenureType!: TenureType;

  @Field({ description: `The first day, YYYY-MM-DD; at most ${MAX_DAYS_AHEAD} days ahead.` })
  @IsCalendarDate(MAX_DAYS_AHEAD)
  startDate!: string;

  // Four: the most people who can hold a legal estate in land jointly (Law of Property Act 1925, s34).
  @Field(() => [ID], { description: 'Person ids of the tenants: more than one makes a joint tenancy (at most four).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'tenants must name at least one person' })
  @ArrayMaxSize(4, { message: 'tenants may name at most four people' })
  @ArrayUnique({ message: 'tenants must not name a person twice' })
  @IsUUID('all', { each: true, message: 'each of tenants must be a UUID' })
  tenants!: string[];

  @Field(() => [HouseholdMemberInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((member: HouseholdMemberInput) => member.personId, { message: 'householdMembers must not name a person twice' })
  @ValidateNested({ each: true })
  @Type(() => HouseholdMemberInput)
  householdMembers!: HouseholdMemberInput[];

  @Field(() => [ReferenceInput], { defaultValue: [], description: "The tenancy's ids in the systems the member leaves." })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique(referenceKey, { message: 'references must not repeat a system and reference' })
  @ValidateNested({ each: true })
  @Type(() => ReferenceInput)
  references!: ReferenceInput[];
}
