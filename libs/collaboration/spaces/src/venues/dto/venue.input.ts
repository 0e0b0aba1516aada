import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '@hearth/platform-graphql';
import { BookableSpaceKind, type BookableSpaceKindValue } from '../venue.model';

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;
/** Amenity and accessibility words: lower-case words joined by hyphens ("step-free", "video-calls"). */
const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UK_POSTCODE = /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/;

@InputType({ description: 'When a venue opens and closes on one day of the week.' })
export class VenueOpeningHoursInput {
  @Field(() => Int, { description: '1 for Monday to 7 for Sunday.' })
  @IsInt()
  @Min(1, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  @Max(7, { message: 'weekday must be 1 (Monday) to 7 (Sunday)' })
  weekday!: number;

  @Field({ description: 'HH:MM, local time.' })
  @Matches(TIME, { message: 'opens must be a time written HH:MM' })
  opens!: string;

  @Field({ description: 'HH:MM, local time; 24:00 for midnight at the end of the day.' })
  @Matches(TIME, { message: 'closes must be a time written HH:MM' })
  closes!: string;
}

@InputType({ description: 'A venue to add (no id) or change (with its id). Consortium admins keep the consortium’s; a member’s tenant admins keep those it runs.' })
export class VenueInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @Field()
  @Trim()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name!: string;

  @Field()
  @Trim()
  @Length(1, 500, { message: 'address must be 1 to 500 characters' })
  address!: string;

  @Field()
  @Trim()
  @Matches(UK_POSTCODE, { message: 'postcode must be a UK postcode' })
  postcode!: string;

  @Field(() => [VenueOpeningHoursInput], { description: 'One entry per day it opens; a day left out is closed.' })
  @IsArray()
  @ArrayMaxSize(7, { message: 'openingHours must have at most one entry per weekday' })
  @ValidateNested({ each: true })
  @Type(() => VenueOpeningHoursInput)
  openingHours!: VenueOpeningHoursInput[];

  @Field({ defaultValue: '' })
  @Trim()
  @MaxLength(2000, { message: 'accessibilityNotes must be at most 2000 characters' })
  accessibilityNotes!: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  active!: boolean;
}

@InputType({ description: 'A desk or room to add (no id) or change (with its id).' })
export class BookableSpaceInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @Field(() => ID)
  @IsUUID('all', { message: 'venueId must be a UUID' })
  venueId!: string;

  @Field(() => BookableSpaceKind)
  @IsEnum(BookableSpaceKind)
  kind!: BookableSpaceKindValue;

  @Field()
  @Trim()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;

  @Field(() => Int, { description: 'People it seats; a desk seats 1.' })
  @IsInt()
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(500, { message: 'capacity must be at most 500' })
  capacity!: number;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique({ message: 'amenities must not name one twice' })
  @Matches(TAG, { each: true, message: 'amenities must be lower-case words joined by hyphens, e.g. video-calls' })
  amenities!: string[];

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(30)
  @ArrayUnique({ message: 'accessibility must not name one twice' })
  @Matches(TAG, { each: true, message: 'accessibility must be lower-case words joined by hyphens, e.g. step-free' })
  accessibility!: string[];

  @Field({ defaultValue: true })
  @IsBoolean()
  active!: boolean;
}
