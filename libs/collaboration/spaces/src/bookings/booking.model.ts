import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import { BookableSpace, Venue, VenueOpeningHours } from '../venues/venue.model';
import { BOOKING_RULES } from '../spaces.permissions';

export const SPACE_BOOKING_STATUSES = ['booked', 'checked_in', 'cancelled', 'released'] as const;
export type SpaceBookingStatusValue = (typeof SPACE_BOOKING_STATUSES)[number];
export const SpaceBookingStatus = enumOf(SPACE_BOOKING_STATUSES, {
  name: 'SpaceBookingStatus',
  description: 'BOOKED until checked in; RELEASED when nobody checked in by the end of the grace period; CANCELLED by the booker or their admin.',
});

const MINUTE_MS = 60_000;

export interface SpaceBookingRow {
  id: string;
  organisation_id: string;
  space_id: string;
  booked_by: string;
  booked_by_name: string;
  starts_at: Date;
  ends_at: Date;
  purpose: string;
  attendees: number;
  status: SpaceBookingStatusValue;
  booked_at: Date;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  released_at: Date | null;
}

/** Columns that give a booking row its start and end as timestamps. */
export const BOOKING_COLUMNS = `b.*, lower(b.during) as starts_at, upper(b.during) as ends_at`;

@ObjectType({ description: "A booking of a desk or room. Only the booker's own organisation ever sees one; everyone else sees only that the space is taken." })
export class SpaceBooking {
  @Field(() => ID) id!: string;
  @Field(() => ID) spaceId!: string;
  @Field() start!: Date;
  @Field() end!: Date;
  @Field() purpose!: string;
  @Field(() => Int) attendees!: number;
  @Field(() => SpaceBookingStatus) status!: SpaceBookingStatusValue;
  @Field({ description: 'The Keycloak subject of the person who booked.' }) bookedBy!: string;
  @Field() bookedByName!: string;
  @Field() bookedAt!: Date;
  @Field(() => Date, { nullable: true }) checkedInAt!: Date | null;
  @Field(() => Date, { nullable: true }) cancelledAt!: Date | null;
  @Field(() => Date, { nullable: true }) releasedAt!: Date | null;
  @Field({ description: `Check-in opens ${BOOKING_RULES.checkInOpensMinutesBefore} minutes before the start.` }) checkInOpensAt!: Date;
  @Field({ description: `Check-in closes ${BOOKING_RULES.checkInGraceMinutes} minutes after the start; a booking not checked in by then is released.` })
  checkInClosesAt!: Date;

  static from(row: SpaceBookingRow): SpaceBooking {
    const start = new Date(row.starts_at);
    return Object.assign(new SpaceBooking(), {
      id: row.id,
      spaceId: row.space_id,
      start,
      end: new Date(row.ends_at),
      purpose: row.purpose,
      attendees: row.attendees,
      status: row.status,
      bookedBy: row.booked_by,
      bookedByName: row.booked_by_name,
      bookedAt: row.booked_at,
      checkedInAt: row.checked_in_at,
      cancelledAt: row.cancelled_at,
      releasedAt: row.released_at,
      checkInOpensAt: new Date(start.getTime() - BOOKING_RULES.checkInOpensMinutesBefore * MINUTE_MS),
      checkInClosesAt: new Date(start.getTime() + BOOKING_RULES.checkInGraceMinutes * MINUTE_MS),
    });
  }
}

@ObjectType()
export class SpaceBookingConnection extends Connection(SpaceBooking) {}

@ObjectType({ description: 'A free desk or room at a free time, offered instead of one that is taken.' })
export class BookingAlternative {
  @Field(() => BookableSpace) space!: BookableSpace;
  @Field() start!: Date;
  @Field() end!: Date;
  @Field({ description: 'True when it is the same space at another time; false for another space at the same time.' }) sameSpace!: boolean;
}

@ObjectType({
  implements: () => ErrorResult,
  description: 'The space is already taken for some of that time (PostgreSQL refused the overlap); here is what is free instead. Nothing was booked.',
})
export class BookingClash implements ErrorResult {
  @Field() code!: 'BOOKING_CLASH';
  @Field() message!: string;
  @Field(() => [BookingAlternative], { description: 'Other desks or rooms of the same kind and size in the venue at that time, then the same space later or earlier that day.' })
  alternatives!: BookingAlternative[];

  static of(spaceName: string, alternatives: BookingAlternative[]): BookingClash {
    return Object.assign(new BookingClash(), {
      code: 'BOOKING_CLASH',
      message: `${spaceName} is already booked for some of that time`,
      alternatives,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: "The booking would take the organisation or the person past a fair-use quota. Nothing was booked." })
export class BookingQuotaExceeded implements ErrorResult {
  @Field() code!: 'BOOKING_QUOTA_EXCEEDED';
  @Field() message!: string;
  @Field({ description: 'HOURS_PER_WEEK (the organisation’s) or OPEN_BOOKINGS_PER_PERSON.' }) quota!: string;
  @Field(() => Float, { description: 'The quota’s limit.' }) limit!: number;
  @Field(() => Float, { description: 'What is used already, before this booking.' }) used!: number;
  @Field(() => Float, { description: 'What this booking would add.' }) requested!: number;
  @Field(() => String, { nullable: true, description: 'The Monday the week counted begins, for HOURS_PER_WEEK.' }) weekStarting!: string | null;
}

@ObjectType({ implements: () => ErrorResult, description: 'The booking breaks a rule (opening hours, length, capacity...); nothing was booked.' })
export class BookingInvalid implements ErrorResult {
  @Field() code!: 'BOOKING_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): BookingInvalid {
    return Object.assign(new BookingInvalid(), { code: 'BOOKING_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

@ObjectType({ implements: () => ErrorResult, description: "No booking of the caller's organisation has that id." })
export class BookingNotFound implements ErrorResult {
  @Field() code!: 'BOOKING_NOT_FOUND';
  @Field() message!: string;

  static of(id: string): BookingNotFound {
    return Object.assign(new BookingNotFound(), { code: 'BOOKING_NOT_FOUND', message: `There is no booking ${id}` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Only the booker, or a tenant admin of their member, may cancel a booking.' })
export class BookingNotYours implements ErrorResult {
  @Field() code!: 'BOOKING_NOT_YOURS';
  @Field() message!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'The booking is not in a state that allows this (already started, checked in, cancelled or released).' })
export class BookingNotChangeable implements ErrorResult {
  @Field() code!: 'BOOKING_NOT_CHANGEABLE';
  @Field() message!: string;
  @Field(() => SpaceBookingStatus) status!: SpaceBookingStatusValue;
}

@ObjectType({ implements: () => ErrorResult, description: 'Check-in is not open: it opens shortly before the start and closes after the grace period.' })
export class BookingCheckInNotOpen implements ErrorResult {
  @Field() code!: 'BOOKING_CHECK_IN_NOT_OPEN';
  @Field() message!: string;
  @Field() opensAt!: Date;
  @Field() closesAt!: Date;
}

export const SpaceBookingResult = resultUnion('SpaceBookingResult', 'The booking made, or why not (a clash offers what is free instead).', [
  SpaceBooking, BookingClash, BookingQuotaExceeded, BookingInvalid,
]);

export const SpaceBookingCheckInResult = resultUnion('SpaceBookingCheckInResult', 'The booking checked in, or why not.', [
  SpaceBooking, BookingNotFound, BookingNotChangeable, BookingCheckInNotOpen,
]);

export const SpaceBookingCancelResult = resultUnion('SpaceBookingCancelResult', 'The booking cancelled, or why not.', [
  SpaceBooking, BookingNotFound, BookingNotYours, BookingNotChangeable,
]);

@ObjectType({ description: 'A time a space is taken. Whose booking it is shows only to its own organisation.' })
export class SpaceTakenSlot {
  @Field() start!: Date;
  @Field() end!: Date;
  @Field({ description: "True when it is a booking of the caller's own organisation." }) mine!: boolean;
  @Field(() => ID, { nullable: true, description: "The booking's id, for the caller's own organisation's bookings only." }) bookingId!: string | null;
}

@ObjectType({ description: 'One desk or room on one day: when it is taken.' })
export class SpaceAvailabilityRow {
  @Field(() => BookableSpace) space!: BookableSpace;
  @Field(() => [SpaceTakenSlot]) taken!: SpaceTakenSlot[];
}

@ObjectType({ description: "A venue's desks and rooms on one day, with when each is taken: the availability grid." })
export class SpaceAvailability {
  @Field(() => Venue) venue!: Venue;
  @Field({ description: 'The local day, YYYY-MM-DD.' }) date!: string;
  @Field(() => VenueOpeningHours, { nullable: true, description: 'Its hours that day; null when it is closed.' }) hours!: VenueOpeningHours | null;
  @Field(() => Date, { nullable: true }) opensAt!: Date | null;
  @Field(() => Date, { nullable: true }) closesAt!: Date | null;
  @Field(() => [SpaceAvailabilityRow]) spaces!: SpaceAvailabilityRow[];
}
