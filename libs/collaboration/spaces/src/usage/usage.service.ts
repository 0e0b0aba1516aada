import { Injectable } from '@nestjs/common';
import { Role } from '@hearth/platform-auth';
import { isCalendarDay } from '@hearth/platform-calendar';
import { HearthError } from '@hearth/platform-core';
import { hearthContext, TransactionManager } from '@hearth/platform-database';
import { addDays, instantAt } from '../venues/local-time';
import { SpaceUsageReport, SpaceUsageRow, SpaceUsageTotal } from './usage.model';

const TIME_ZONE = 'Europe/London';
const MAX_DAYS = 400;

interface UsageRow {
  organisation_id: string;
  organisation_name: string;
  organisation_kind: 'member' | 'guest';
  venue_id: string;
  venue_name: string;
  bookings: number;
  hours_booked: string;
  hours_used: string;
  no_shows: number;
  cancellations: number;
}

/**
 * The usage report for sharing the spaces' costs: one set-based query over the bookings that
 * start in the period. Row-level security decides whose bookings it counts: the caller's own
 * organisation's, or (consortium admins, in consortium mode) every organisation's.
 */
@Injectable()
export class UsageService {
  constructor(private readonly transactions: TransactionManager) {}

  async report(from: string, to: string): Promise<SpaceUsageReport> {
    for (const [field, day] of [['from', from], ['to', to]] as const) {
      if (!isCalendarDay(day)) throw new HearthError('BAD_USER_INPUT', `${field} must be a real date written YYYY-MM-DD`, { field });
    }
    if (to < from) throw new HearthError('BAD_USER_INPUT', 'to must not be before from', { field: 'to' });
    if (to > addDays(from, MAX_DAYS)) throw new HearthError('BAD_USER_INPUT', `A report covers at most ${MAX_DAYS} days`, { field: 'to' });
    const context = hearthContext.require();
    const all = context.actor?.roles.includes(Role.ConsortiumAdmin) ?? false;
    if (!all) context.requireOrganisationId();
    const query = () =>
      this.transactions.query<UsageRow>(
        `with counted as (
           select b.organisation_id, s.venue_id,
                  count(*) filter (where b.status <> 'cancelled')::int as bookings,
                  coalesce(sum(extract(epoch from upper(b.during) - lower(b.during)) / 3600) filter (where b.status <> 'cancelled'), 0) as hours_booked,
                  coalesce(sum(extract(epoch from upper(b.during) - lower(b.during)) / 3600) filter (where b.status = 'checked_in'), 0) as hours_used,
                  count(*) filter (where b.status = 'released')::int as no_shows,
                  count(*) filter (where b.status = 'cancelled')::int as cancellations
           from hearth.space_booking b join hearth.bookable_space s on s.id = b.space_id
           where lower(b.during) >= $1 and lower(b.during) < $2
           group by b.organisation_id, s.venue_id
         )
         select c.*, v.name as venue_name,
                coalesce(t.name, g.name, 'Unknown organisation') as organisation_name,
                case when t.id is not null then 'member' else 'guest' end as organisation_kind
         from counted c
         join hearth.venue v on v.id = c.venue_id
         left join hearth.tenant t on t.id = c.organisation_id
         left join hearth.guest_organisation g on g.id = c.organisation_id
         order by organisation_name, venue_name`,
        [instantAt(from, 0, TIME_ZONE), instantAt(addDays(to, 1), 0, TIME_ZONE)],
      );
    const rows = (all ? await this.transactions.asConsortium(query) : await query()).map(toRow);
    return Object.assign(new SpaceUsageReport(), { from, to, allOrganisations: all, rows, organisations: totals(rows) });
  }
}

function toRow(row: UsageRow): SpaceUsageRow {
  return Object.assign(new SpaceUsageRow(), {
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind,
    venueId: row.venue_id,
    venueName: row.venue_name,
    bookings: row.bookings,
    hoursBooked: round(Number(row.hours_booked)),
    hoursUsed: round(Number(row.hours_used)),
    noShows: row.no_shows,
    cancellations: row.cancellations,
  });
}

function totals(rows: SpaceUsageRow[]): SpaceUsageTotal[] {
  const byOrganisation = new Map<string, SpaceUsageTotal>();
  for (const row of rows) {
    const total =
      byOrganisation.get(row.organisationId) ??
      Object.assign(new SpaceUsageTotal(), {
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        organisationKind: row.organisationKind,
        bookings: 0,
        hoursBooked: 0,
        hoursUsed: 0,
        noShows: 0,
        cancellations: 0,
        shareOfHoursUsed: 0,
      });
    total.bookings += row.bookings;
    total.hoursBooked = round(total.hoursBooked + row.hoursBooked);
    total.hoursUsed = round(total.hoursUsed + row.hoursUsed);
    total.noShows += row.noShows;
    total.cancellations += row.cancellations;
    byOrganisation.set(row.organisationId, total);
  }
  const used = [...byOrganisation.values()].reduce((sum, total) => sum + total.hoursUsed, 0);
  return [...byOrganisation.values()]
    .map((total) => Object.assign(total, { shareOfHoursUsed: used > 0 ? Math.round((total.hoursUsed / used) * 10_000) / 10_000 : 0 }))
    .sort((a, b) => b.hoursUsed - a.hoursUsed || b.hoursBooked - a.hoursBooked || a.organisationName.localeCompare(b.organisationName));
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
