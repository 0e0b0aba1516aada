import { Injectable } from '@nestjs/common';
import { isCalendarDay } from '@hearth/platform-calendar';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, hearthContext, TransactionManager } from '@hearth/platform-database';
import { DEFAULT_SPACE_QUOTA } from '../spaces.permissions';
import { addDays, instantAt, localTime, weekStart } from '../venues/local-time';
import type { SpaceQuotaInput } from './dto/space-quota.input';
import { SpaceQuota, SpaceQuotaOrganisationNotFound, SpaceQuotaStatus } from './quota.model';

const TIME_ZONE = 'Europe/London';

interface QuotaRow {
  organisation_id: string | null;
  organisation_name: string | null;
  hours_per_week: string;
  open_bookings_per_person: number;
}

const QUOTA_SELECT = `
  select q.organisation_id, coalesce(t.name, g.name) as organisation_name, q.hours_per_week, q.open_bookings_per_person
  from hearth.space_quota q
  left join hearth.tenant t on t.id = q.organisation_id
  left join hearth.guest_organisation g on g.id = q.organisation_id`;

export interface QuotaUse {
  quota: SpaceQuota;
  weekStarting: string;
  hoursBooked: number;
  openBookings: number;
}

/**
 * Fair use of the shared spaces: hours a week per organisation and open bookings per person.
 * The check and the booking it allows must not race another booking of the same organisation,
 * so `lock` serialises an organisation's bookings on a transaction-level advisory lock.
 */
@Injectable()
export class QuotasService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
  ) {}

  /** Holds the organisation's booking lock until this unit of work commits or rolls back. */
  async lock(organisationId: string): Promise<void> {
    await this.transactions.query(`select pg_advisory_xact_lock(hashtextextended('hearth.spaces.quota:' || $1, 0))`, [organisationId]);
  }

  /** The organisation's own quota if it has one, else the default. */
  async effective(organisationId: string): Promise<SpaceQuota> {
    const rows = await this.transactions.query<QuotaRow>(
      `${QUOTA_SELECT} where q.organisation_id = $1 or q.organisation_id is null order by q.organisation_id nulls last limit 1`,
      [organisationId],
    );
    return rows[0] ? toQuota(rows[0]) : defaultQuota();
  }

  /** What the organisation has used in the week (Monday to Sunday, UK time) holding `day`, and the person's open bookings. */
  async use(organisationId: string, subject: string, day: string): Promise<QuotaUse> {
    const monday = weekStart(day);
    const from = instantAt(monday, 0, TIME_ZONE);
    const to = instantAt(addDays(monday, 7), 0, TIME_ZONE);
    const [row] = await this.transactions.query<{ hours: string; open: number }>(
      `select
         coalesce(sum(extract(epoch from upper(during) - lower(during)) / 3600)
           filter (where lower(during) >= $2 and lower(during) < $3), 0) as hours,
         count(*) filter (where booked_by = $4 and status = 'booked' and upper(during) > now())::int as open
       from hearth.space_booking
       where organisation_id = $1 and status in ('booked', 'checked_in')`,
      [organisationId, from, to, subject],
    );
    return { quota: await this.effective(organisationId), weekStarting: monday, hoursBooked: Number(row.hours), openBookings: row.open };
  }

  async status(day?: string): Promise<SpaceQuotaStatus> {
    if (day !== undefined && !isCalendarDay(day)) throw new HearthError('BAD_USER_INPUT', 'day must be a date written YYYY-MM-DD', { field: 'day' });
    const context = hearthContext.require();
    const use = await this.use(context.requireOrganisationId(), context.actor!.id, day ?? localTime(new Date(), TIME_ZONE).day);
    return Object.assign(new SpaceQuotaStatus(), use);
  }

  /** Every quota set, the default first (consortium admins). */
  async all(): Promise<SpaceQuota[]> {
    const rows = await this.transactions.asConsortium(() =>
      this.transactions.query<QuotaRow>(`${QUOTA_SELECT} order by q.organisation_id nulls first, organisation_name`),
    );
    return rows.length && rows[0].organisation_id === null ? rows.map(toQuota) : [defaultQuota(), ...rows.map(toQuota)];
  }

  async set(input: SpaceQuotaInput): Promise<SpaceQuota | SpaceQuotaOrganisationNotFound> {
    const organisationId = input.organisationId ?? null;
    if (organisationId) {
      const [known] = await this.transactions.query<{ n: number }>(
        `select (select count(*) from hearth.tenant where id = $1) + (select count(*) from hearth.guest_organisation where id = $1) as n`,
        [organisationId],
      );
      if (!Number(known.n)) {
        return Object.assign(new SpaceQuotaOrganisationNotFound(), {
          code: 'SPACE_QUOTA_ORGANISATION_NOT_FOUND',
          message: `There is no member or guest organisation ${organisationId}`,
        });
      }
    }
    const actor = hearthContext.require().actor!;
    const [row] = await this.transactions.asConsortium(async () => {
      await this.transactions.query(
        `insert into hearth.space_quota (organisation_id, hours_per_week, open_bookings_per_person, updated_by)
         values ($1, $2, $3, $4)
         on conflict (organisation_id) do update
           set hours_per_week = excluded.hours_per_week, open_bookings_per_person = excluded.open_bookings_per_person,
               updated_by = excluded.updated_by, updated_at = now()`,
        [organisationId, input.hoursPerWeek, input.openBookingsPerPerson, actor.name ?? actor.id],
      );
      return this.transactions.query<QuotaRow>(`${QUOTA_SELECT} where q.organisation_id is not distinct from $1`, [organisationId]);
    });
    const quota = toQuota(row);
    await this.audit.record({ operation: 'setSpaceQuota', targetType: 'space_quota', targetId: organisationId ?? 'default', after: quota });
    return quota;
  }
}

function toQuota(row: QuotaRow): SpaceQuota {
  return Object.assign(new SpaceQuota(), {
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    hoursPerWeek: Number(row.hours_per_week),
    openBookingsPerPerson: row.open_bookings_per_person,
  });
}

function defaultQuota(): SpaceQuota {
  return Object.assign(new SpaceQuota(), { organisationId: null, organisationName: null, ...DEFAULT_SPACE_QUOTA });
}
