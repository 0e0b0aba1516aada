import { Injectable } from '@nestjs/common';
import { TransactionManager } from '@hearth/platform-database';
import { addDays, instantAt, isoWeekday } from '../venues/local-time';
import { openingWindow } from '../venues/opening-hours';
import { VenueOpeningHours, type Venue } from '../venues/venue.model';
import { VenuesService } from '../venues/venues.service';
import { SpaceAvailability, SpaceAvailabilityRow, SpaceTakenSlot } from './booking.model';

/**
 * A venue's day at a glance: each desk and room with the times it is taken. Taken times come
 * from the occupancy everyone may read; whether a time is the caller's own is whether the caller
 * can see the booking behind it, which the bookings' policy decides.
 */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly venues: VenuesService,
  ) {}

  async day(venue: Venue, date: string): Promise<SpaceAvailability> {
    const weekday = isoWeekday(date);
    const window = openingWindow(venue.openingHours, date, venue.timezone, weekday);
    const dayStart = instantAt(date, 0, venue.timezone);
    const dayEnd = instantAt(addDays(date, 1), 0, venue.timezone);
    const spaces = (await this.venues.spacesOfVenues([venue.id])).get(venue.id) ?? [];
    const taken = await this.transactions.query<{ space_id: string; start: Date; end: Date; booking_id: string; mine: boolean }>(
      `select o.space_id, lower(o.during) as start, upper(o.during) as end, o.booking_id,
              exists (select 1 from hearth.space_booking b where b.id = o.booking_id) as mine
       from hearth.space_occupancy o
       where o.space_id = any($1::uuid[]) and o.during && tstzrange($2, $3)
       order by lower(o.during)`,
      [spaces.map((space) => space.id), dayStart, dayEnd],
    );
    const hours = venue.openingHours.find((h) => h.weekday === weekday);
    return Object.assign(new SpaceAvailability(), {
      venue,
      date,
      hours: hours ? Object.assign(new VenueOpeningHours(), hours) : null,
      opensAt: window?.opensAt ?? null,
      closesAt: window?.closesAt ?? null,
      spaces: spaces.map((space) =>
        Object.assign(new SpaceAvailabilityRow(), {
          space,
          taken: taken
            .filter((slot) => slot.space_id === space.id)
            .map((slot) =>
              Object.assign(new SpaceTakenSlot(), {
                start: new Date(slot.start),
                end: new Date(slot.end),
                mine: slot.mine,
                bookingId: slot.mine ? slot.booking_id : null,
              }),
            ),
        }),
      ),
    });
  }
}
