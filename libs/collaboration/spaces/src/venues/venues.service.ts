import { Injectable } from '@nestjs/common';
import { Role } from '@hearth/platform-auth';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, hearthContext, TransactionManager } from '@hearth/platform-database';
import { decodeCursor, DEFAULT_PAGE_SIZE, InputProblem, toConnection, type ConnectionShape, type PageArgs } from '@hearth/platform-graphql';
import { SpacesEvents } from '../spaces-events';
import { SpacesEvent } from '../spaces.permissions';
import type { BookableSpaceInput, VenueInput } from './dto/venue.input';
import { openingHoursProblems } from './opening-hours';
import {
  BookableSpace,
  BookableSpaceInvalid,
  BookableSpaceNotFound,
  Venue,
  VenueInvalid,
  VenueNotFound,
  VenueNotYours,
  type BookableSpaceRow,
  type VenueRow,
} from './venue.model';

const VENUE_SELECT = `select v.*, t.name as operator_name from hearth.venue v left join hearth.tenant t on t.id = v.organisation_id`;

export interface SpaceFilter {
  venueId?: string;
  kind?: string;
  minCapacity?: number;
  /** Every one of these accessibility features. */
  accessibility?: string[];
  amenities?: string[];
  /** Only spaces free for the whole of [start, end). */
  start?: Date;
  end?: Date;
  includeInactive?: boolean;
}

/**
 * Venues and their desks and rooms. Everyone reads them; the consortium keeps its own (in
 * consortium mode, as consortium admins with no member chosen) and a member's tenant admins keep
 * the ones their member runs. The policies say the same, so a slip here is refused by PostgreSQL.
 */
@Injectable()
export class VenuesService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly events: SpacesEvents,
  ) {}

  async list(args: PageArgs & { includeInactive?: boolean }): Promise<ConnectionShape<Venue>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    const where = [args.includeInactive ? 'true' : 'v.active'];
    if (args.after) {
      const [name, id] = decodeCursor(args.after, 2);
      params.push(String(name), String(id));
      where.push(`(lower(v.name), v.id) > ($2, $3::uuid)`);
    }
    const rows = await this.transactions.query<VenueRow & { sort_name: string }>(
      `select * from (${VENUE_SELECT.replace('select v.*', 'select v.*, lower(v.name) as sort_name')} where ${where.join(' and ')}) v
       order by v.sort_name, v.id limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.venue v where ${args.includeInactive ? 'true' : 'v.active'}`,
    );
    const connection = toConnection(rows, args, total, (row) => [row.sort_name, row.id]);
    return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: Venue.from(edge.node) })) };
  }

  async venue(id: string): Promise<Venue | null> {
    const [row] = await this.transactions.query<VenueRow>(`${VENUE_SELECT} where v.id = $1`, [id]);
    return row ? Venue.from(row) : null;
  }

  async venuesByIds(ids: readonly string[]): Promise<Map<string, Venue>> {
    const rows = await this.transactions.query<VenueRow>(`${VENUE_SELECT} where v.id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, Venue.from(row)]));
  }

  async spacesOfVenues(venueIds: readonly string[], includeInactive = false): Promise<Map<string, BookableSpace[]>> {
    const rows = await this.transactions.query<BookableSpaceRow>(
      `select * from hearth.bookable_space where venue_id = any($1::uuid[]) ${includeInactive ? '' : 'and active'}
       order by kind, capacity, lower(name)`,
      [venueIds],
    );
    const byVenue = new Map<string, BookableSpace[]>(venueIds.map((id) => [id, []]));
    for (const row of rows) byVenue.get(row.venue_id)?.push(BookableSpace.from(row));
    return byVenue;
  }

  async space(id: string): Promise<BookableSpace | null> {
    const [row] = await this.transactions.query<BookableSpaceRow>(`select * from hearth.bookable_space where id = $1`, [id]);
    return row ? BookableSpace.from(row) : null;
  }

  async spacesByIds(ids: readonly string[]): Promise<Map<string, BookableSpace>> {
    const rows = await this.transactions.query<BookableSpaceRow>(`select * from hearth.bookable_space where id = any($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, BookableSpace.from(row)]));
  }

  /** Desks and rooms matching the filter, in active venues; with a time, only those free for all of it. */
  async find(filter: SpaceFilter): Promise<BookableSpace[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (clause: (placeholder: string) => string, value: unknown) => {
      params.push(value);
      where.push(clause(`$${params.length}`));
    };
    if (!filter.includeInactive) where.push('s.active and v.active');
    if (filter.venueId) add((p) => `s.venue_id = ${p}::uuid`, filter.venueId);
    if (filter.kind) add((p) => `s.kind = ${p}`, filter.kind);
    if (filter.minCapacity) add((p) => `s.capacity >= ${p}`, filter.minCapacity);
    if (filter.accessibility?.length) add((p) => `s.accessibility @> ${p}::text[]`, filter.accessibility);
    if (filter.amenities?.length) add((p) => `s.amenities @> ${p}::text[]`, filter.amenities);
    if (filter.start && filter.end) {
      add(
        (p) => `not exists (select 1 from hearth.space_occupancy o where o.space_id = s.id and o.during && ${p}::tstzrange)`,
        `[${filter.start.toISOString()},${filter.end.toISOString()})`,
      );
    }
    const rows = await this.transactions.query<BookableSpaceRow>(
      `select s.* from hearth.bookable_space s join hearth.venue v on v.id = s.venue_id
       ${where.length ? `where ${where.join(' and ')}` : ''}
       order by lower(v.name), s.kind, s.capacity, lower(s.name) limit 200`,
      params,
    );
    return rows.map(BookableSpace.from);
  }

  async saveVenue(input: VenueInput): Promise<Venue | VenueNotFound | VenueNotYours | VenueInvalid> {
    const operator = this.operator();
    const problems = openingHoursProblems(input.openingHours).map((p) => InputProblem.of(p.field, p.message));
    const [clash] = await this.transactions.query<{ name: string }>(
      `select name from hearth.venue where lower(name) = lower($1) and id is distinct from $2::uuid`,
      [input.name, input.id ?? null],
    );
    if (clash) problems.push(InputProblem.of('name', `There is already a venue called ${clash.name}`));
    let before: Venue | null = null;
    if (input.id) {
      before = await this.venue(input.id);
      if (!before) return VenueNotFound.of(input.id);
      if (!operator.consortium && before.operatorMemberId !== operator.memberId) return VenueNotYours.of(before);
    }
    if (problems.length) return VenueInvalid.of(problems);

    const values = [input.name, input.address, input.postcode.toUpperCase(), JSON.stringify(input.openingHours), input.accessibilityNotes, input.active];
    const id = await this.write(operator, async () => {
      if (input.id) {
        await this.transactions.query(
          `update hearth.venue set name = $2, address = $3, postcode = $4, opening_hours = $5::jsonb, accessibility_notes = $6,
                  active = $7, updated_at = now()
           where id = $1`,
          [input.id, ...values],
        );
        return input.id;
      }
      const [row] = await this.transactions.query<{ id: string }>(
        `insert into hearth.venue (organisation_id, name, address, postcode, opening_hours, accessibility_notes, active)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7) returning id`,
        [operator.consortium ? null : operator.memberId, ...values],
      );
      return row.id;
    });
    const venue = (await this.venue(id))!;
    await this.audit.record({ operation: 'saveVenue', targetType: 'venue', targetId: id, before: before ?? undefined, after: venue });
    await this.events.publish(venue.operatorMemberId, {
      type: SpacesEvent.VenueSaved,
      aggregateType: 'venue',
      aggregateId: id,
      payload: { venueId: id, active: venue.active },
    });
    return venue;
  }

  async saveSpace(input: BookableSpaceInput): Promise<BookableSpace | BookableSpaceNotFound | VenueNotFound | VenueNotYours | BookableSpaceInvalid> {
    const operator = this.operator();
    const venue = await this.venue(input.venueId);
    if (!venue) return VenueNotFound.of(input.venueId);
    if (!operator.consortium && venue.operatorMemberId !== operator.memberId) return VenueNotYours.of(venue);
    let before: BookableSpace | null = null;
    if (input.id) {
      before = await this.space(input.id);
      if (!before) return BookableSpaceNotFound.of(input.id);
      if (before.venueId !== input.venueId) {
        return BookableSpaceInvalid.of([InputProblem.of('venueId', 'A desk or room cannot move to another venue; add it there instead')]);
      }
    }
    const problems: InputProblem[] = [];
    if (input.kind === 'desk' && input.capacity !== 1) problems.push(InputProblem.of('capacity', 'A desk seats 1; make it a room to seat more'));
    const [clash] = await this.transactions.query<{ name: string }>(
      `select name from hearth.bookable_space where venue_id = $1 and lower(name) = lower($2) and id is distinct from $3::uuid`,
      [input.venueId, input.name, input.id ?? null],
    );
    if (clash) problems.push(InputProblem.of('name', `${venue.name} already has a desk or room called ${clash.name}`));
    if (problems.length) return BookableSpaceInvalid.of(problems);

    const values = [input.kind, input.name, input.capacity, input.amenities, input.accessibility, input.active];
    const id = await this.write(operator, async () => {
      if (input.id) {
        await this.transactions.query(
          `update hearth.bookable_space set kind = $2, name = $3, capacity = $4, amenities = $5, accessibility = $6, active = $7, updated_at = now()
           where id = $1`,
          [input.id, ...values],
        );
        return input.id;
      }
      const [row] = await this.transactions.query<{ id: string }>(
        `insert into hearth.bookable_space (venue_id, kind, name, capacity, amenities, accessibility, active)
         values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [input.venueId, ...values],
      );
      return row.id;
    });
    const space = (await this.space(id))!;
    await this.audit.record({ operation: 'saveBookableSpace', targetType: 'bookable_space', targetId: id, before: before ?? undefined, after: space });
    await this.events.publish(venue.operatorMemberId, {
      type: SpacesEvent.VenueSaved,
      aggregateType: 'venue',
      aggregateId: venue.id,
      payload: { venueId: venue.id, spaceId: id, active: space.active },
    });
    return space;
  }

  /**
   * Whose venues this work keeps: the consortium's, when a consortium admin works with no member
   * chosen; otherwise the bound member's (its tenant admins, or a consortium admin acting for it).
   */
  private operator(): { consortium: true; memberId: null } | { consortium: false; memberId: string } {
    const context = hearthContext.require();
    if (context.tenantId) return { consortium: false, memberId: context.tenantId };
    if (context.actor?.roles.includes(Role.ConsortiumAdmin)) return { consortium: true, memberId: null };
    throw new HearthError('TENANT_REQUIRED', "Venues are kept by the consortium's admins, or by the tenant admins of the member that runs them");
  }

  private write<T>(operator: { consortium: boolean }, work: () => Promise<T>): Promise<T> {
    return operator.consortium ? this.transactions.asConsortium(work) : work();
  }
}
