import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { BookableSpaceKind, type BookableSpaceKindValue } from '../../venues/venue.model';

const TAG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

@InputType({ description: 'A desk or room to book, from start to end (whole minutes, within the venue’s opening hours on one day).' })
export class SpaceBookingInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'spaceId must be a UUID' })
  spaceId!: string;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'start must be a date and time' })
  start!: Date;

  @Field()
  @Type(() => Date)
  @IsDate({ message: 'end must be a date and time' })
  end!: Date;

  @Field(() => Int, { defaultValue: 1, description: 'How many people; at most the space’s capacity.' })
  @IsInt()
  @Min(1, { message: 'attendees must be at least 1' })
  @Max(500, { message: 'attendees must be at most 500' })
  attendees!: number;

  @Field({ defaultValue: '', description: 'What it is for; seen only by your own organisation.' })
  @Trim()
  @MaxLength(500, { message: 'purpose must be at most 500 characters' })
  purpose!: string;
}

@InputType({ description: 'What to look for: every condition given must hold.' })
export class BookableSpaceFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'venueId must be a UUID' })
  venueId?: string;

  @Field(() => BookableSpaceKind, { nullable: true })
  @IsOptional()
  @IsEnum(BookableSpaceKind)
  kind?: BookableSpaceKindValue;

  @Field(() => Int, { nullable: true, description: 'Seats at least this many.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  minCapacity?: number;

  @Field(() => [String], { nullable: true, description: 'Has every one of these accessibility features.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'accessibility must be lower-case words joined by hyphens' })
  accessibility?: string[];

  @Field(() => [String], { nullable: true, description: 'Has every one of these amenities.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'amenities must be lower-case words joined by hyphens' })
  amenities?: string[];

  @Field(() => Date, { nullable: true, description: 'With end: only spaces free for the whole time.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'start must be a date and time' })
  start?: Date;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'end must be a date and time' })
  end?: Date;

  @Field({ nullable: true, description: 'Include inactive spaces and venues (for the people who keep them).' })
  @IsOptional()
  includeInactive?: boolean;
}

@ArgsType()
export class SpaceBookingsArgs extends PageArgs {
  @Field({ nullable: true, description: 'Only bookings that have not ended (the default), or all of them.' })
  @IsOptional()
  upcomingOnly?: boolean;
}

@ArgsType()
export class SpaceAvailabilityArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'venueId must be a UUID' })
  venueId!: string;

  @Field({ description: 'The local day, YYYY-MM-DD.' })
  @IsString()
  @Matches(DAY, { message: 'date must be written YYYY-MM-DD' })
  date!: string;
}
