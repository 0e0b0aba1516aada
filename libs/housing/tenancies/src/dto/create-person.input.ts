import { Field, InputType } from '@nestjs/graphql';
import { Trim } from '@hearth/platform-graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsEmail, IsEnum, IsOptional, Length, Matches, MaxLength, ValidateNested,
} from 'class-validator';
import { CommunicationNeed, PreferredLanguage } from '../person.model';
import { ReferenceInput, referenceKey } from './reference.input';
import { IsCalendarDate, IsPhone, PERSON_NAME } from './validators';

@InputType({ description: 'A person to add to the register.' })
export class CreatePersonInput {
  @Field(() => String, { nullable: true, description: 'Mr, Mrs, Ms, Mx, Dr, ...' })
  @IsOptional()
  @Trim()
  @Length(1, 20)
  title?: string | null;

  @Field()
  @Trim()
  @Length(1, 100, { message: 'givenName must be 1 to 100 characters' })
  @Matches(PERSON_NAME, { message: 'givenName may hold letters, spaces, hyphens, apostrophes and full stops only' })
  givenName!: string;

  @Field()
  @Trim()
  @Length(1, 100, { message: 'familyName must be 1 to 100 characters' })
  @Matches(PERSON_NAME, { message: 'familyName may hold letters, spaces, hyphens, apostrophes and full stops only' })
  familyName!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, from 1900 to today.' })
  @IsOptional()
  @IsCalendarDate(0)
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'A UK number, or an international one starting with +.' })
  @IsOptional()
  @Trim()
  @IsPhone()
  phone?: string | null;

  @Field(() => PreferredLanguage, { defaultValue: PreferredLanguage.EN })
  @IsEnum(PreferredLanguage)
  preferredLanguage!: PreferredLanguage;

  @Field(() => [CommunicationNeed], { defaultValue: [] })
  @IsArray()
  @IsEnum(CommunicationNeed, { each: true })
  @ArrayUnique({ message: 'communicationNeeds must not repeat a need' })
  communicationNeeds!: CommunicationNeed[];

  @Field(() => [ReferenceInput], { defaultValue: [], description: "The person's ids in the systems the member leaves." })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique(referenceKey, { message: 'references must not repeat a system and reference' })
  @ValidateNested({ each: true })
  @Type(() => ReferenceInput)
  references!: ReferenceInput[];
}
