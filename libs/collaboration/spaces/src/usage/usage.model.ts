import { ArgsType, Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Matches } from 'class-validator';
import { enumOf } from '@hearth/platform-graphql';

export const SpaceUsageOrganisationKind = enumOf(['member', 'guest'] as const, {
  name: 'SpaceUsageOrganisationKind',
  description: 'A member association, or an invited guest organisation.',
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@ArgsType()
export class SpaceUsageArgs {
  @Field({ description: 'The first day counted, YYYY-MM-DD (UK time).' })
  @Matches(DAY, { message: 'from must be a date written YYYY-MM-DD' })
  from!: string;

  @Field({ description: 'The last day counted, YYYY-MM-DD (UK time).' })
  @Matches(DAY, { message: 'to must be a date written YYYY-MM-DD' })
  to!: string;
}

@ObjectType({ description: 'What one organisation booked and used at one venue: bookings that start in the period.' })
export class SpaceUsageRow {
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field(() => SpaceUsageOrganisationKind) organisationKind!: 'member' | 'guest';
  @Field(() => ID) venueId!: string;
  @Field() venueName!: string;
  @Field(() => Int, { description: 'Bookings not cancelled.' }) bookings!: number;
  @Field(() => Float, { description: 'Hours of the bookings not cancelled.' }) hoursBooked!: number;
  @Field(() => Float, { description: 'Hours of the bookings checked in.' }) hoursUsed!: number;
  @Field(() => Int, { description: 'Bookings released because nobody checked in.' }) noShows!: number;
  @Field(() => Int) cancellations!: number;
}

@ObjectType({ description: 'One organisation’s use across every venue, for sharing the costs.' })
export class SpaceUsageTotal {
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field(() => SpaceUsageOrganisationKind) organisationKind!: 'member' | 'guest';
  @Field(() => Int) bookings!: number;
  @Field(() => Float) hoursBooked!: number;
  @Field(() => Float) hoursUsed!: number;
  @Field(() => Int) noShows!: number;
  @Field(() => Int) cancellations!: number;
  @Field(() => Float, { description: 'Its share of every hour used in the report, 0 to 1 (for dividing costs).' }) shareOfHoursUsed!: number;
}

@ObjectType({ description: 'Use of the shared spaces in a period, per organisation and venue. Consortium admins see every organisation; anyone else, their own.' })
export class SpaceUsageReport {
  @Field() from!: string;
  @Field() to!: string;
  @Field({ description: 'True when the report covers every organisation (a consortium admin’s).' }) allOrganisations!: boolean;
  @Field(() => [SpaceUsageTotal], { description: 'Per organisation, most hours used first.' }) organisations!: SpaceUsageTotal[];
  @Field(() => [SpaceUsageRow], { description: 'Per organisation and venue.' }) rows!: SpaceUsageRow[];
}
