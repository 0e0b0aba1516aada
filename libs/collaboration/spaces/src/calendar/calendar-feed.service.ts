import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { renderICalendar, type CalendarEntry } from '@hearth/platform-calendar';
import { AuditLog, hearthContext, systemActor, TransactionManager } from '@hearth/platform-database';
import { SpaceCalendarFeed } from './calendar-feed.model';

/** A feed token: 32 random bytes, base64url (43 characters). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
/** How far back a feed reaches; calendar clients keep what they have already seen. */
const FEED_PAST_DAYS = 30;

interface FeedOwner {
  subject: string;
  organisation_id: string;
  member: boolean;
  active: boolean;
}

interface FeedBookingRow {
  id: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  purpose: string;
  booked_at: Date;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  released_at: Date | null;
  space_name: string;
  space_kind: string;
  venue_name: string;
  venue_address: string;
  venue_postcode: string;
}

/**
 * One iCalendar feed per person of their bookings. The address carries a random token; only its
 * SHA-256 is stored. A feed request presents the token to PostgreSQL (the transaction-local
 * `app.space_calendar_feed`), whose policy shows the one feed row that hashes to it, and then
 * reads the person's bookings bound to their organisation, as their own requests would.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
  ) {}

  async status(): Promise<SpaceCalendarFeed> {
    const context = hearthContext.require();
    context.requireOrganisationId();
    const [row] = await this.transactions.query<{ created_at: Date }>(`select created_at from hearth.space_calendar_feed where subject = $1`, [context.actor!.id]);
    return Object.assign(new SpaceCalendarFeed(), { active: Boolean(row), createdAt: row?.created_at ?? null, url: null });
  }

  /** Makes the person's feed address, or a new one in place of the old; returns the token, shown this once. */
  async rotate(): Promise<{ token: string; feed: SpaceCalendarFeed }> {
    const context = hearthContext.require();
    const organisationId = context.requireOrganisationId();
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.transactions.query<{ created_at: Date }>(
      `insert into hearth.space_calendar_feed (subject, organisation_id, token_hash) values ($1, $2, $3)
       on conflict (subject) do update set organisation_id = excluded.organisation_id, token_hash = excluded.token_hash, created_at = now()
       returning created_at`,
      [context.actor!.id, organisationId, hashOf(token)],
    );
    await this.audit.record({ operation: 'rotateSpaceCalendarFeed', targetType: 'space_calendar_feed', targetId: context.actor!.id });
    return { token, feed: Object.assign(new SpaceCalendarFeed(), { active: true, createdAt: row.created_at, url: null }) };
  }

  /** The feed for a token as iCalendar text, or null when no feed (or no active organisation) has it. */
  async render(token: string, now = new Date()): Promise<string | null> {
    if (!FEED_TOKEN.test(token)) return null;
    const actor = systemActor('spaces.calendar-feed');
    const owner = await this.transactions.run({ actor }, async () => {
      await this.transactions.query(`select set_config('app.space_calendar_feed', $1, true)`, [token]);
      const [row] = await this.transactions.query<FeedOwner>(
        `select f.subject, f.organisation_id, t.id is not null as member,
                coalesce(t.status, g.status) = 'active' as active
         from hearth.space_calendar_feed f
         left join hearth.tenant t on t.id = f.organisation_id
         left join hearth.guest_organisation g on g.id = f.organisation_id`,
      );
      return row;
    });
    if (!owner?.active) return null;
    const bound = owner.member ? { tenantId: owner.organisation_id } : { guestOrganisationId: owner.organisation_id };
    const bookings = await this.transactions.run({ actor, ...bound }, () =>
      this.transactions.query<FeedBookingRow>(
        `select b.id, lower(b.during) as starts_at, upper(b.during) as ends_at, b.status, b.purpose, b.booked_at,
                b.checked_in_at, b.cancelled_at, b.released_at,
                s.name as space_name, s.kind as space_kind, v.name as venue_name, v.address as venue_address, v.postcode as venue_postcode
         from hearth.space_booking b join hearth.bookable_space s on s.id = b.space_id join hearth.venue v on v.id = s.venue_id
         where b.booked_by = $1 and upper(b.during) > $2
         order by lower(b.during), b.id`,
        [owner.subject, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000)],
      ),
    );
    return renderICalendar({ name: 'Hearth bookings', now, entries: bookings.map(toEntry) });
  }
}

export function hashOf(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

function toEntry(row: FeedBookingRow): CalendarEntry {
  const changes = [row.booked_at, row.checked_in_at, row.cancelled_at, row.released_at].filter((at): at is Date => at !== null).map((at) => new Date(at).getTime());
  const kind = row.space_kind === 'desk' ? 'Desk' : 'Room';
  return {
    uid: `space-booking-${row.id}@hearth`,
    start: new Date(row.starts_at),
    end: new Date(row.ends_at),
    summary: `${kind}: ${row.space_name}, ${row.venue_name}`,
    description: row.purpose || undefined,
    location: `${row.venue_name}, ${row.venue_address}, ${row.venue_postcode}`,
    status: row.status === 'cancelled' || row.status === 'released' ? 'CANCELLED' : 'CONFIRMED',
    updatedAt: new Date(Math.max(...changes)),
  };
}
