import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import type { OpeningHours } from './opening-hours';

export const BOOKABLE_SPACE_KINDS = ['desk', 'room'] as const;
export type BookableSpaceKindValue = (typeof BOOKABLE_SPACE_KINDS)[number];
export const BookableSpaceKind = enumOf(BOOKABLE_SPACE_KINDS, {
  name: 'BookableSpaceKind',
  description: 'A desk (for one) or a room (for a meeting, up to its capacity).',
});

export interface VenueRow {
  id: string;
  organisation_id: string | null;
  operator_name: string | null;
  name: string;
  address: string;
  postcode: string;
  timezone: string;
  opening_hours: OpeningHours[];
  accessibility_notes: string;
  active: boolean;
}

export interface BookableSpaceRow {
  id: string;
  venue_id: string;
  kind: BookableSpaceKindValue;
  name: string;
  capacity: number;
  amenities: string[];
  accessibility: string[];
  active: boolean;
}

@ObjectType({ description: 'When a venue is open on one day of the week, on its local clock.' })
export class VenueOpeningHours {
  @Field(() => Int, { description: '1 for Monday to 7 for Sunday.' }) weekday!: number;
  @Field({ description: 'HH:MM' }) opens!: string;
  @Field({ description: 'HH:MM; 24:00 is midnight at the end of the day.' }) closes!: string;
}

@ObjectType({ description: 'A place with desks and rooms to book, run by the consortium or by a member.' })
export class Venue {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() address!: string;
  @Field() postcode!: string;
  @Field({ description: 'The time zone its opening hours are in (Europe/London).' }) timezone!: string;
  @Field(() => [VenueOpeningHours], { description: 'A weekday not listed is a day it is closed.' }) openingHours!: VenueOpeningHours[];
  @Field({ description: 'Step-free access, hearing loops, parking and the like, in words.' }) accessibilityNotes!: string;
  @Field({ description: 'Inactive venues take no new bookings.' }) active!: boolean;
  @Field(() => ID, { nullable: true, description: 'The member that runs it; null when the consortium does.' }) operatorMemberId!: string | null;
  @Field({ description: 'Who runs it: the member’s name, or "Hearth consortium".' }) operatorName!: string;

  static from(row: VenueRow): Venue {
    return Object.assign(new Venue(), {
      id: row.id,
      name: row.name,
      address: row.address,
      postcode: row.postcode,
      timezone: row.timezone,
      openingHours: [...row.opening_hours].sort((a, b) => a.weekday - b.weekday).map((h) => Object.assign(new VenueOpeningHours(), h)),
      accessibilityNotes: row.accessibility_notes,
      active: row.active,
      operatorMemberId: row.organisation_id,
      operatorName: row.operator_name ?? CONSORTIUM_OPERATOR,
    });
  }
}

export const CONSORTIUM_OPERATOR = 'Hearth consortium';

@ObjectType()
export class VenueConnection extends Connection(Venue) {}

@ObjectType({ description: 'A desk or a room in a venue.' })
export class BookableSpace {
  @Field(() => ID) id!: string;
  @Field(() => ID) venueId!: string;
  @Field(() => BookableSpaceKind) kind!: BookableSpaceKindValue;
  @Field() name!: string;
  @Field(() => Int, { description: 'How many people it seats (1 for a desk).' }) capacity!: number;
  @Field(() => [String], { description: 'What it has: "screen", "whiteboard", "video-calls"...' }) amenities!: string[];
  @Field(() => [String], { description: 'Its accessibility features: "step-free", "hearing-loop", "height-adjustable"...' }) accessibility!: string[];
  @Field({ description: 'Inactive spaces take no new bookings.' }) active!: boolean;

  static from(row: BookableSpaceRow): BookableSpace {
    const { id, venue_id, kind, name, capacity, amenities, accessibility, active } = row;
    return Object.assign(new BookableSpace(), { id, venueId: venue_id, kind, name, capacity, amenities, accessibility, active });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'No venue has that id.' })
export class VenueNotFound implements ErrorResult {
  @Field() code!: 'VENUE_NOT_FOUND';
  @Field() message!: string;

  static of(id: string): VenueNotFound {
    return Object.assign(new VenueNotFound(), { code: 'VENUE_NOT_FOUND', message: `There is no venue ${id}` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The venue is run by someone else: the consortium or another member. Nothing was changed.' })
export class VenueNotYours implements ErrorResult {
  @Field() code!: 'VENUE_NOT_YOURS';
  @Field() message!: string;

  static of(venue: Venue): VenueNotYours {
    return Object.assign(new VenueNotYours(), { code: 'VENUE_NOT_YOURS', message: `${venue.name} is run by ${venue.operatorName}; only they can change it` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The venue breaks a rule; nothing was saved.' })
export class VenueInvalid implements ErrorResult {
  @Field() code!: 'VENUE_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): VenueInvalid {
    return Object.assign(new VenueInvalid(), { code: 'VENUE_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

export const VenueSaveResult = resultUnion('VenueSaveResult', 'The venue as saved, or why not.', [Venue, VenueNotFound, VenueNotYours, VenueInvalid]);

@ObjectType({ implements: () => ErrorResult, description: 'No desk or room has that id.' })
export class BookableSpaceNotFound implements ErrorResult {
  @Field() code!: 'BOOKABLE_SPACE_NOT_FOUND';
  @Field() message!: string;

  static of(id: string): BookableSpaceNotFound {
    return Object.assign(new BookableSpaceNotFound(), { code: 'BOOKABLE_SPACE_NOT_FOUND', message: `There is no desk or room ${id}` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The desk or room breaks a rule; nothing was saved.' })
export class BookableSpaceInvalid implements ErrorResult {
  @Field() code!: 'BOOKABLE_SPACE_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];

  static of(problems: InputProblem[]): BookableSpaceInvalid {
    return Object.assign(new BookableSpaceInvalid(), { code: 'BOOKABLE_SPACE_INVALID', message: problems.map((p) => p.message).join('; '), problems });
  }
}

export const BookableSpaceSaveResult = resultUnion('BookableSpaceSaveResult', 'The desk or room as saved, or why not.', [
  BookableSpace, BookableSpaceNotFound, VenueNotFound, VenueNotYours, BookableSpaceInvalid,
]);
