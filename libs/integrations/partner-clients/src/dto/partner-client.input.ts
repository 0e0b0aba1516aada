import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '@hearth/platform-graphql';

export const MAX_RATE_LIMIT_PER_MINUTE = 100_000;

@InputType()
export class RegisterPartnerClientInput {
  @Field({ description: 'What the partner is, e.g. "Acme Repairs". Its slug makes the client id.' })
  @Trim()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @Field(() => [String], { description: 'Scopes from partnerScopes; at least one.' })
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  scopes!: string[];

  @Field(() => Int, { nullable: true, description: "Requests per minute; leave out for the deployment's default." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE_LIMIT_PER_MINUTE)
  rateLimitPerMinute?: number | null;
}

@InputType()
export class UpdatePartnerClientInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => [String], { nullable: true, description: 'The full new set of scopes; leave out to keep them.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  scopes?: string[];

  @Field(() => Int, { nullable: true, description: "Requests per minute; null for the deployment's default; leave out to keep it." })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RATE_LIMIT_PER_MINUTE)
  rateLimitPerMinute?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  description?: string;
}
