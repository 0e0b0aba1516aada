import { Injectable } from '@nestjs/common';
import { Role } from '@hearth/platform-auth';
import { AuditLog, hearthContext, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type ConnectionShape } from '@hearth/platform-graphql';
import { QuotasService } from '../quotas/quotas.service';
import { SpacesEvents } from '../spaces-events';
import { BOOKING_RULES, SpacesEvent } from '../spaces.permissions';
import { localTime } from '../venues/local-time';
import { freeStarts, openingWindow, windowHolding, type OpeningWindow } from '../venues/opening-hours';
import { BookableSpace, type BookableSpaceRow, type VenueRow } from '../venues/venue.model';
import {
  BOOKING_COLUMNS,
  BookingAlternative,
  BookingCheckInNotOpen,
  BookingClash,
  BookingInvalid,
  BookingNotChangeable,
  BookingNotFound,
  BookingNotYours,
  BookingQuotaExceeded,
  SpaceBooking,
  type SpaceBookingRow,
} from './booking.model';
import type { SpaceBookingInput, SpaceBookingsArgs } from './dto/space-booking.input';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const SAVEPOINT = 'space_booking';
/** The exclusion constraint that refuses two bookings holding one space at once. */
const NO_OVERLAP = 'space_booking_no_overlap';

type SpaceAndVenue = BookableSpaceRow & { venue: VenueRow };

/** Thrown inside the savepoint when PostgreSQL refuses an overlapping booking. */
class ClashRefused extends Error {}

/**
 * Booking desks and rooms. PostgreSQL decides clashes (an exclusion constraint over the space
 * and time of every booking that holds its space), so two people asking at once can never both
 * have it; the loser is told what is free instead. A booking is its organisation's alone: the
 * tables' policies show it to nobody else, who learn only that the space is taken (occupancy).
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly quotas: QuotasService,
    private readonly events: SpacesEvents,
  ) {}

  async book(input: SpaceBookingInput): Promise<SpaceBooking | BookingClash | BookingQuotaExceeded | BookingInvalid> {
    const context = hearthContext.require();
    const organisationId = context.requireOrganisationId();
    const actor = context.actor!;
    const space = await this.spaceWithVenue(input.spaceId);
    if (!space) return BookingInvalid.of([InputProblem.of('spaceId', `There is no desk or room ${input.spaceId}`)]);
    const problems = this.ruleProblems(input, space);
    if (problems.length) return BookingInvalid.of(problems);

    // An organisation's bookings are decided one at a time, so two at once cannot both squeeze under its quota.
    await this.quotas.lock(organisationId);
    const refused = await this.overQuota(organisationId, actor.id, input, space);
    if (refused) return refused;

    let row: SpaceBookingRow;
    try {
      row = await this.inSavepoint(async () => {
        const [inserted] = await this.transactions.query<SpaceBookingRow>(
          `with b as (
             insert into hearth.space_booking (organisation_id, space_id, booked_by, booked_by_name, during, purpose, attendees)
             values ($1, $2, $3, $4, tstzrange($5, $6, '[)'), $7, $8) returning *
           )
           select ${BOOKING_COLUMNS} from b`,
          [organisationId, space.id, actor.id, actor.name ?? actor.username ?? actor.id, input.start, input.end, input.purpose, input.attendees],
        );
        return inserted;
      });
    } catch (error) {
      if (error instanceof ClashRefused) return BookingClash.of(space.name, await this.alternatives(space, input));
      throw error;
    }
    const booking = SpaceBooking.from(row);
    await this.audit.record({ operation: 'bookSpace', targetType: 'space_booking', targetId: booking.id, after: booking });
    await this.events.publish(organisationId, {
      type: SpacesEvent.Booked,
      aggregateType: 'space_booking',
      aggregateId: booking.id,
      payload: this.payload(booking, space),
    });
    return booking;
  }

  async checkIn(id: string, now = new Date()): Promise<SpaceBooking | BookingNotFound | BookingNotChangeable | BookingCheckInNotOpen> {
    const row = await this.lock(id);
    if (!row) return BookingNotFound.of(id);
    const booking = SpaceBooking.from(row);
    if (booking.status !== 'booked') return notChangeable(booking, 'checked in');
    if (now < booking.checkInOpensAt || now > booking.checkInClosesAt) {
      return Object.assign(new BookingCheckInNotOpen(), {
        code: 'BOOKING_CHECK_IN_NOT_OPEN',
        message: `Check-in for this booking is open from ${booking.checkInOpensAt.toISOString()} to ${booking.checkInClosesAt.toISOString()}`,
        opensAt: booking.checkInOpensAt,
        closesAt: booking.checkInClosesAt,
      });
    }
    const after = await this.update(id, `status = 'checked_in', checked_in_at = now()`);
    await this.audit.record({ operation: 'checkInSpaceBooking', targetType: 'space_booking', targetId: id, before: booking, after });
    await this.events.publish(row.organisation_id, {
      type: SpacesEvent.CheckedIn,
      aggregateType: 'space_booking',
      aggregateId: id,
      payload: { bookingId: id, spaceId: after.spaceId, checkedInAt: after.checkedInAt!.toISOString() },
    });
    return after;
  }

  async cancel(id: string, now = new Date()): Promise<SpaceBooking | BookingNotFound | BookingNotYours | BookingNotChangeable> {
    const context = hearthContext.require();
    const actor = context.actor!;
    const row = await this.lock(id);
    if (!row) return BookingNotFound.of(id);
    const booking = SpaceBooking.from(row);
    // A member's tenant admin may cancel any of its staff's bookings; guests have no admin of their own here.
    const adminOfMember = Boolean(context.tenantId) && actor.roles.includes(Role.TenantAdmin);
    if (booking.bookedBy !== actor.id && !adminOfMember) {
      return Object.assign(new BookingNotYours(), {
        code: 'BOOKING_NOT_YOURS',
        message: `This is ${booking.bookedByName}'s booking; only they or a tenant admin of your member may cancel it`,
      });
    }
    if (booking.status !== 'booked') return notChangeable(booking, 'cancelled');
    if (now >= booking.start) {
      return Object.assign(new BookingNotChangeable(), {
        code: 'BOOKING_NOT_CHANGEABLE',
        message: 'This booking has started; it can no longer be cancelled',
        status: booking.status,
      });
    }
    const after = await this.update(id, `status = 'cancelled', cancelled_at = now(), cancelled_by = $2`, [actor.name ?? actor.id]);
    await this.audit.record({ operation: 'cancelSpaceBooking', targetType: 'space_booking', targetId: id, before: booking, after });
    await this.events.publish(row.organisation_id, {
      type: SpacesEvent.Cancelled,
      aggregateType: 'space_booking',
      aggregateId: id,
      payload: { bookingId: id, spaceId: after.spaceId, start: after.start.toISOString(), end: after.end.toISOString() },
    });
    return after;
  }

  /** The caller's own bookings, soonest first (upcoming) or newest first (all), paged by key. */
  async mine(args: SpaceBookingsArgs): Promise<ConnectionShape<SpaceBooking>> {
    const context = hearthContext.require();
    context.requireOrganisationId();
    const upcoming = args.upcomingOnly ?? true;
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [context.actor!.id, first + 1];
    const where = ['b.booked_by = $1', 'b.organisation_id = (select hearth.current_organisation_id())'];
    if (upcoming) where.push(`upper(b.during) > now() and b.status in ('booked', 'checked_in')`);
    if (args.after) {
      const [at, id] = decodeCursor(args.after, 2);
      params.push(String(at), String(id));
      where.push(upcoming ? `(lower(b.during), b.id) > ($3::timestamptz, $4::uuid)` : `(lower(b.during), b.id) < ($3::timestamptz, $4::uuid)`);
    }
    const order = upcoming ? 'asc' : 'desc';
    const rows = await this.transactions.query<SpaceBookingRow & { cursor_key: string }>(
      `select ${BOOKING_COLUMNS}, lower(b.during)::text as cursor_key from hearth.space_booking b
       where ${where.join(' and ')} order by lower(b.during) ${order}, b.id ${order} limit $2`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.space_booking b where ${where.slice(0, upcoming ? 3 : 2).join(' and ')}`,
      [context.actor!.id],
    );
    const connection = toConnection(rows, args, total, (row) => [row.cursor_key, row.id]);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: SpaceBooking.from(edge.node) })) };
  }

  async byIds(ids: readonly string[]): Promise<Map<string, SpaceBooking>> {
    const rows = await this.transactions.query<SpaceBookingRow>(`select ${BOOKING_COLUMNS} from hearth.space_booking b where b.id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, SpaceBooking.from(row)]));
  }

  /**
   * Releases every booking not checked in by the end of its grace period, across every
   * organisation (members' and guests'): one statement, in consortium mode. Rows another worker
   * is releasing are skipped, so racing workers release each booking once. Returns the ids.
   */
  async releaseNoShows(): Promise<string[]> {
    const released = await this.transactions.asConsortium(async () => {
      const rows = await this.transactions.query<{ id: string; organisation_id: string; space_id: string; starts_at: Date; ends_at: Date }>(
        `with released as (
           update hearth.space_booking b set status = 'released', released_at = now()
           from (select id from hearth.space_booking
                 where status = 'booked' and lower(during) <= now() - make_interval(mins => $1)
                 for update skip locked) due
           where b.id = due.id
           returning b.id, b.organisation_id, b.space_id, lower(b.during) as starts_at, upper(b.during) as ends_at
         )
         select * from released`,
        [BOOKING_RULES.checkInGraceMinutes],
      );
      for (const row of rows) {
        await this.events.publish(row.organisation_id, {
          type: SpacesEvent.Released,
          aggregateType: 'space_booking',
          aggregateId: row.id,
          payload: { bookingId: row.id, spaceId: row.space_id, start: new Date(row.starts_at).toISOString(), end: new Date(row.ends_at).toISOString() },
        });
      }
      return rows;
    });
    if (released.length) {
      await this.audit.record({ operation: 'releaseSpaceNoShows', targetType: 'space_booking', after: { bookingIds: released.map((row) => row.id) } });
    }
    return released.map((row) => row.id);
  }

  /** The space and its venue, with the venue's operator's name; null when there is no such space. */
  async spaceWithVenue(spaceId: string): Promise<SpaceAndVenue | null> {
    const [row] = await this.transactions.query<BookableSpaceRow & { venue: VenueRow }>(
      `select s.*, to_jsonb(v) || jsonb_build_object('operator_name', t.name) as venue
       from hearth.bookable_space s join hearth.venue v on v.id = s.venue_id left join hearth.tenant t on t.id = v.organisation_id
       where s.id = $1`,
      [spaceId],
    );
    return row ?? null;
  }

  private ruleProblems(input: SpaceBookingInput, space: SpaceAndVenue, now = new Date()): InputProblem[] {
    const problems: InputProblem[] = [];
    if (!space.active || !space.venue.active) problems.push(InputProblem.of('spaceId', `${space.name} is not taking bookings`));
    for (const field of ['start', 'end'] as const) {
      if (input[field].getTime() % MINUTE_MS !== 0) problems.push(InputProblem.of(field, `${field} must be a whole minute`));
    }
    const length = input.end.getTime() - input.start.getTime();
    if (length <= 0) problems.push(InputProblem.of('end', 'end must be after start'));
    else if (length > BOOKING_RULES.maxHours * HOUR_MS) problems.push(InputProblem.of('end', `A booking may be at most ${BOOKING_RULES.maxHours} hours long`));
    if (input.start.getTime() < Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS) problems.push(InputProblem.of('start', 'start must not be in the past'));
    if (input.start.getTime() > now.getTime() + BOOKING_RULES.maxDaysAhead * DAY_MS) {
      problems.push(InputProblem.of('start', `Bookings open ${BOOKING_RULES.maxDaysAhead} days ahead`));
    }
    if (input.attendees > space.capacity) problems.push(InputProblem.of('attendees', `${space.name} seats ${space.capacity}`));
    if (length > 0 && !windowHolding(space.venue.opening_hours, space.venue.timezone, input.start, input.end)) {
      problems.push(InputProblem.of('start', `${space.venue.name} is not open for all of that time`));
    }
    return problems;
  }

  private async overQuota(organisationId: string, subject: string, input: SpaceBookingInput, space: SpaceAndVenue): Promise<BookingQuotaExceeded | null> {
    const use = await this.quotas.use(organisationId, subject, localTime(input.start, space.venue.timezone).day);
    const hours = (input.end.getTime() - input.start.getTime()) / HOUR_MS;
    if (use.openBookings + 1 > use.quota.openBookingsPerPerson) {
      return Object.assign(new BookingQuotaExceeded(), {
        code: 'BOOKING_QUOTA_EXCEEDED',
        message: `You already hold ${use.openBookings} bookings not yet checked in; the limit is ${use.quota.openBookingsPerPerson}`,
        quota: 'OPEN_BOOKINGS_PER_PERSON',
        limit: use.quota.openBookingsPerPerson,
        used: use.openBookings,
        requested: 1,
        weekStarting: null,
      });
    }
    if (use.hoursBooked + hours > use.quota.hoursPerWeek + 1e-9) {
      return Object.assign(new BookingQuotaExceeded(), {
        code: 'BOOKING_QUOTA_EXCEEDED',
        message: `Your organisation has booked ${round(use.hoursBooked)} of its ${use.quota.hoursPerWeek} hours in the week starting ${use.weekStarting}; this booking needs ${round(hours)} more`,
        quota: 'HOURS_PER_WEEK',
        limit: use.quota.hoursPerWeek,
        used: round(use.hoursBooked),
        requested: round(hours),
        weekStarting: use.weekStarting,
      });
    }
    return null;
  }

  /**
   * What is free instead: other spaces of the same kind and size in the venue at the same time,
   * then the same space at the nearest free times of that day within opening hours.
   */
  private async alternatives(space: SpaceAndVenue, input: SpaceBookingInput, now = new Date()): Promise<BookingAlternative[]> {
    const range = `[${input.start.toISOString()},${input.end.toISOString()})`;
    const others = await this.transactions.query<BookableSpaceRow>(
      `select s.* from hearth.bookable_space s
       where s.venue_id = $1 and s.kind = $2 and s.active and s.capacity >= $3 and s.id <> $4
         and not exists (select 1 from hearth.space_occupancy o where o.space_id = s.id and o.during && $5::tstzrange)
       order by s.capacity, lower(s.name) limit $6`,
      [space.venue_id, space.kind, input.attendees, space.id, range, BOOKING_RULES.alternatives],
    );
    const alternatives = others.map((other) =>
      Object.assign(new BookingAlternative(), { space: BookableSpace.from(other), start: input.start, end: input.end, sameSpace: false }),
    );
    const local = localTime(input.start, space.venue.timezone);
    const window: OpeningWindow | null = openingWindow(space.venue.opening_hours, local.day, space.venue.timezone, local.weekday);
    if (window) {
      const taken = await this.transactions.query<{ start: Date; end: Date }>(
        `select lower(during) as start, upper(during) as end from hearth.space_occupancy where space_id = $1 and during && tstzrange($2, $3)`,
        [space.id, window.opensAt, window.closesAt],
      );
      const duration = input.end.getTime() - input.start.getTime();
      const room = BOOKING_RULES.alternatives - alternatives.length;
      const starts = freeStarts(window, taken.map((t) => ({ start: new Date(t.start), end: new Date(t.end) })), duration, {
        notBefore: now,
        near: input.start,
        limit: Math.max(room, 2),
      });
      for (const start of starts) {
        alternatives.push(
          Object.assign(new BookingAlternative(), {
            space: BookableSpace.from(space),
            start,
            end: new Date(start.getTime() + duration),
            sameSpace: true,
          }),
        );
      }
    }
    return alternatives;
  }

  /**
   * Runs `work` in a savepoint: PostgreSQL refusing the overlap aborts only the savepoint, so the
   * request's transaction can still find the alternatives and answer with them.
   */
  private async inSavepoint<T>(work: () => Promise<T>): Promise<T> {
    await this.transactions.query(`savepoint ${SAVEPOINT}`);
    try {
      const result = await work();
      await this.transactions.query(`release savepoint ${SAVEPOINT}`);
      return result;
    } catch (error) {
      await this.transactions.query(`rollback to savepoint ${SAVEPOINT}`);
      const refusal = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
      const code = refusal.driverError?.code ?? refusal.code;
      const constraint = refusal.driverError?.constraint ?? refusal.constraint;
      if (code === '23P01' && constraint === NO_OVERLAP) throw new ClashRefused();
      throw error;
    }
  }

  private async lock(id: string): Promise<SpaceBookingRow | null> {
    const [row] = await this.transactions.query<SpaceBookingRow>(
      `select ${BOOKING_COLUMNS} from hearth.space_booking b where b.id = $1 for update`,
      [id],
    );
    return row ?? null;
  }

  private async update(id: string, set: string, parameters: unknown[] = []): Promise<SpaceBooking> {
    const [row] = await this.transactions.query<SpaceBookingRow>(
      `with b as (update hearth.space_booking set ${set} where id = $1 returning *) select ${BOOKING_COLUMNS} from b`,
      [id, ...parameters],
    );
    return SpaceBooking.from(row);
  }

  private payload(booking: SpaceBooking, space: SpaceAndVenue): Record<string, unknown> {
    return {
      bookingId: booking.id,
      spaceId: space.id,
      venueId: space.venue_id,
      kind: space.kind,
      start: booking.start.toISOString(),
      end: booking.end.toISOString(),
      attendees: booking.attendees,
    };
  }
}

function notChangeable(booking: SpaceBooking, wanted: string): BookingNotChangeable {
  return Object.assign(new BookingNotChangeable(), {
    code: 'BOOKING_NOT_CHANGEABLE',
    message: `This booking is ${booking.status.replace('_', ' ')}; it cannot be ${wanted}`,
    status: booking.status,
  });
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
