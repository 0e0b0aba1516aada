import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { JSONObjectScalar, PageArgs, Trim } from '@hearth/platform-graphql';

const KIND = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

@InputType({ description: "Publishes a piece of the member's configuration, or a new version of one it published before." })
export class SharedConfigurationPublishInput {
  @Field({ description: 'The kind\'s key, e.g. "repair-priorities".' })
  @Matches(KIND, { message: 'kind must be a configuration kind key, e.g. repair-priorities' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Which one, for kinds a member has several of (a letter template code).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  subject?: string;

  @Field()
  @Trim()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(120)
  title!: string;

  @Field({ description: 'What it is for and how it is used, for members deciding whether to copy it.' })
  @Trim()
  @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(2000)
  description!: string;

  @Field({ description: 'Semantic version: "1.0", "1.2.3". A new version of a piece must be higher than its latest.' })
  @Trim()
  @Matches(/^[0-9]{1,4}\.[0-9]{1,4}(\.[0-9]{1,4})?$/, { message: 'version must be like 1.0 or 1.2.3' })
  version!: string;

  @Field(() => ID, { nullable: true, description: 'To publish a new version of a piece: the id of any of its versions.' })
  @IsOptional()
  @IsUUID('all', { message: 'newVersionOf must be a UUID' })
  newVersionOf?: string;
}

@InputType({ description: 'A shared configuration to copy, optionally adapted first.' })
export class ConfigurationAdoptionInput {
  @Field(() => ID, { description: 'The version to copy.' })
  @IsUUID('all', { message: 'sharedConfigurationId must be a UUID' })
  sharedConfigurationId!: string;

  @Field(() => JSONObjectScalar, { nullable: true, description: "The content as the member adapted it, in the kind's shape; the published content when omitted." })
  @IsOptional()
  @IsObject()
  content?: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Where to put it, for kinds a member has several of (the letter template code); the published one when omitted.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  target?: string;
}

@InputType({ description: 'Narrows the shared configuration library.' })
export class SharedConfigurationFilter {
  @Field(() => String, { nullable: true, description: 'Only this kind.' })
  @IsOptional()
  @Matches(KIND, { message: 'kind must be a configuration kind key, e.g. repair-priorities' })
  kind?: string;

  @Field(() => ID, { nullable: true, description: "Only this member's publications." })
  @IsOptional()
  @IsUUID('all', { message: 'publisherId must be a UUID' })
  publisherId?: string;

  @Field(() => String, { nullable: true, description: 'Words the title or description holds.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => Boolean, { nullable: true, description: 'Include pieces whose every version is withdrawn (false by default).' })
  @IsOptional()
  @IsBoolean()
  includeWithdrawn?: boolean;
}

@ArgsType()
export class SharedConfigurationsArgs extends PageArgs {
  @Field(() => SharedConfigurationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SharedConfigurationFilter)
  filter?: SharedConfigurationFilter;
}
