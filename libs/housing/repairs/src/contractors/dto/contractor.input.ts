import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsEnum, IsOptional, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { Trade } from '../../repairs/repairs.model';

const PHONE = /^\+?[0-9 ()-]{6,30}$/;

@InputType({ description: 'A contractor to add.' })
export class CreateContractorInput {
  @Field()
  @Trim()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field(() => [Trade])
  @IsArray()
  @ArrayMinSize(1, { message: 'trades must name at least one trade' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'trades must not name a trade twice' })
  @IsEnum(Trade, { each: true })
  trades!: Trade[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "The Keycloak client id of the contractor's system (the token's azp)." })
  @IsOptional()
  @Trim()
  @Length(1, 255, { message: 'partnerClientId must be 1 to 255 characters' })
  partnerClientId?: string | null;
}

@InputType({ description: 'Changes to a contractor: only the fields given change (null clears email, phone and partnerClientId).' })
export class UpdateContractorInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @Field(() => [Trade], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'trades must name at least one trade' })
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'trades must not name a trade twice' })
  @IsEnum(Trade, { each: true })
  trades?: Trade[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsEmail({}, { message: 'email must be an email address' })
  @Length(3, 254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(PHONE, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, 255, { message: 'partnerClientId must be 1 to 255 characters' })
  partnerClientId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'True brings a deactivated contractor back.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'Which contractors to list; all given conditions apply.' })
export class ContractorsFilter {
  @Field(() => Trade, { nullable: true })
  @IsOptional()
  @IsEnum(Trade)
  trade?: Trade;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@ArgsType()
export class ContractorsArgs extends PageArgs {
  @Field(() => ContractorsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ContractorsFilter)
  filter?: ContractorsFilter;
}
