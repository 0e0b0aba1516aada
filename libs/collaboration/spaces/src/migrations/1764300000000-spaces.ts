import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows of these states hold their space: the exclusion constraint and the occupancy mirror both say so. */
const HOLDING = `('booked', 'checked_in')`;

/**
 * Shared spaces: venues with desks and rooms that staff of every member and of invited guest
 * organisations book. These tables belong to the consortium, not to one member, so none is
 * tenant-owned: each carries an `organisation_id` (a member's or a guest's) and says in its own
 * policies who sees and writes what (docs/collaboration/spaces.md, ADR 16).
 *
 * A booking is private to its organisation; everyone else learns only that its space is taken,
 * from `space_occupancy`, which a trigger keeps in step with the bookings that hold a space.
 */
export class Spaces1764300000000 implements MigrationInterface {
  name = 'Spaces1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // Venues: run by the consortium (no organisation) or by a member (its id; never a guest's).
    await q.query(`
      create table hearth.venue (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid references hearth.tenant (id),
        name text not null check (length(trim(name)) between 1 and 200),
        address text not null check (length(trim(address)) between 1 and 500),
        postcode text not null check (length(trim(postcode)) between 2 and 10),
        timezone text not null default 'Europe/London' check (timezone = 'Europe/London'),
        opening_hours jsonb not null default '[]' check (jsonb_typeof(opening_hours) = 'array'),
        accessibility_notes text not null default '' check (length(accessibility_notes) <= 2000),
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`create unique index venue_name_unique on hearth.venue (lower(name))`);
    await q.query(`create index venue_by_operator on hearth.venue (organisation_id)`);

    await q.query(`
      create table hearth.bookable_space (
        id uuid primary key default gen_random_uuid(),
        venue_id uuid not null references hearth.venue (id),
        kind text not null check (kind in ('desk', 'room')),
        name text not null check (length(trim(name)) between 1 and 100),
        capacity integer not null check (capacity between 1 and 500),
        amenities text[] not null default '{}',
        accessibility text[] not null default '{}',
        active boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check (kind = 'room' or capacity = 1)
      )`);
    await q.query(`create unique index bookable_space_name_unique on hearth.bookable_space (venue_id, lower(name))`);

    await q.query(`
      create table hearth.space_booking (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid not null,
        space_id uuid not null references hearth.bookable_space (id),
        booked_by text not null,
        booked_by_name text not null,
        during tstzrange not null
          check (not isempty(during) and lower_inc(during) and not upper_inc(during) and not lower_inf(during) and not upper_inf(during)),
        purpose text not null default '' check (length(purpose) <= 500),
        attendees integer not null default 1 check (attendees between 1 and 500),
        status text not null default 'booked' check (status in ('booked', 'checked_in', 'cancelled', 'released')),
        booked_at timestamptz not null default now(),
        checked_in_at timestamptz,
        cancelled_at timestamptz,
        cancelled_by text,
        released_at timestamptz,
        constraint space_booking_no_overlap exclude using gist (space_id with =, during with &&) where (status in ${HOLDING})
      )`);
    // My bookings (by person, newest first); an organisation's usage; the no-show release's sweep.
    await q.query(`create index space_booking_by_person on hearth.space_booking (organisation_id, booked_by, lower(during) desc, id)`);
    await q.query(`create index space_booking_by_organisation on hearth.space_booking (organisation_id, lower(during))`);
    await q.query(`create index space_booking_awaiting_check_in on hearth.space_booking (lower(during)) where status = 'booked'`);
    await q.query(`create index space_booking_by_time on hearth.space_booking (lower(during))`);

    // What everyone may know of a booking: that its space is taken, and when. No who, no why.
    await q.query(`
      create table hearth.space_occupancy (
        booking_id uuid primary key references hearth.space_booking (id),
        space_id uuid not null references hearth.bookable_space (id),
        during tstzrange not null
      )`);
    await q.query(`create index space_occupancy_by_space on hearth.space_occupancy using gist (space_id, during)`);

    // Fair use: the consortium-wide default (no organisation) and any organisation's own.
    await q.query(`
      create table hearth.space_quota (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid,
        hours_per_week numeric(5, 1) not null check (hours_per_week > 0 and hours_per_week <= 168),
        open_bookings_per_person integer not null check (open_bookings_per_person between 1 and 100),
        updated_by text not null,
        updated_at timestamptz not null default now(),
        unique nulls not distinct (organisation_id)
      )`);

    // One iCalendar feed per person: only the token's hash is kept.
    await q.query(`
      create table hearth.space_calendar_feed (
        subject text primary key,
        organisation_id uuid not null,
        token_hash bytea not null unique,
        created_at timestamptz not null default now()
      )`);

    for (const table of ['venue', 'bookable_space', 'space_booking', 'space_occupancy', 'space_quota', 'space_calendar_feed']) {
      await q.query(`alter table hearth.${table} enable row level security`);
      await q.query(`alter table hearth.${table} force row level security`);
    }

    // Venues and spaces: everyone sees them (members, guests, and consortium staff with no
    // organisation); the consortium writes any, a member writes those it runs. A guest's id is
    // never a venue's operator (the foreign key is to members), so guests write none.
    await q.query(`create policy venue_read on hearth.venue for select using (true)`);
    await q.query(`create policy venue_consortium on hearth.venue for all using (hearth.consortium_mode()) with check (hearth.consortium_mode())`);
    await q.query(`create policy venue_operator_insert on hearth.venue for insert with check (organisation_id = (select hearth.current_organisation_id()))`);
    await q.query(`
      create policy venue_operator_update on hearth.venue for update
        using (organisation_id = (select hearth.current_organisation_id()))
        with check (organisation_id = (select hearth.current_organisation_id()))`);
    const operated = `exists (select 1 from hearth.venue v where v.id = venue_id and v.organisation_id = (select hearth.current_organisation_id()))`;
    await q.query(`create policy bookable_space_read on hearth.bookable_space for select using (true)`);
    await q.query(`
      create policy bookable_space_consortium on hearth.bookable_space for all
        using (hearth.consortium_mode()) with check (hearth.consortium_mode())`);
    await q.query(`create policy bookable_space_operator_insert on hearth.bookable_space for insert with check (${operated})`);
    await q.query(`create policy bookable_space_operator_update on hearth.bookable_space for update using (${operated}) with check (${operated})`);

    // Bookings: wholly private to the organisation that made them. Consortium mode (the no-show
    // release, the consortium's usage report) reads and updates every one; nobody deletes any.
    const own = `organisation_id = (select hearth.current_organisation_id())`;
    await q.query(`create policy space_booking_own_read on hearth.space_booking for select using (${own})`);
    await q.query(`create policy space_booking_own_insert on hearth.space_booking for insert with check (${own})`);
    await q.query(`create policy space_booking_own_update on hearth.space_booking for update using (${own}) with check (${own})`);
    await q.query(`create policy space_booking_consortium_read on hearth.space_booking for select using (hearth.consortium_mode())`);
    await q.query(`
      create policy space_booking_consortium_update on hearth.space_booking for update
        using (hearth.consortium_mode()) with check (hearth.consortium_mode())`);

    // Occupancy: everyone reads it. A row may only be written as a true mirror of a booking the
    // writer can see: added while the booking holds its space, removed once it no longer does.
    // So the trigger below needs no special rights, and nobody can fake or hide a booking.
    await q.query(`create policy space_occupancy_read on hearth.space_occupancy for select using (true)`);
    await q.query(`
      create policy space_occupancy_mirror on hearth.space_occupancy for insert with check (
        exists (select 1 from hearth.space_booking b
                where b.id = booking_id and b.space_id = space_occupancy.space_id and b.during = space_occupancy.during
                  and b.status in ${HOLDING}))`);
    await q.query(`
      create policy space_occupancy_free on hearth.space_occupancy for delete using (
        exists (select 1 from hearth.space_booking b where b.id = booking_id and b.status not in ${HOLDING}))`);
    await q.query(`
      create function hearth.space_occupancy_sync() returns trigger
      language plpgsql as $$
      begin
        if new.status in ${HOLDING} then
          insert into hearth.space_occupancy (booking_id, space_id, during)
          values (new.id, new.space_id, new.during)
          on conflict (booking_id) do nothing;
        else
          delete from hearth.space_occupancy where booking_id = new.id;
        end if;
        return null;
      end $$`);
    await q.query(`
      create trigger space_booking_occupancy after insert or update of status on hearth.space_booking
        for each row execute function hearth.space_occupancy_sync()`);
    // A booking's space and time never change (a new time is a new booking), so the mirror cannot go stale.
    await q.query(`
      create function hearth.space_booking_fixed() returns trigger
      language plpgsql as $$
      begin
        if new.space_id <> old.space_id or new.during <> old.during or new.organisation_id <> old.organisation_id or new.booked_by <> old.booked_by then
          raise exception 'a booking''s space, time and booker never change; cancel it and book again' using errcode = 'check_violation';
        end if;
        return new;
      end $$`);
    await q.query(`create trigger space_booking_fixed before update on hearth.space_booking for each row execute function hearth.space_booking_fixed()`);

    // Quotas: the default is for everyone; an organisation sees its own; the consortium sets them.
    await q.query(`
      create policy space_quota_read on hearth.space_quota for select
        using (organisation_id is null or organisation_id = (select hearth.current_organisation_id()))`);
    await q.query(`create policy space_quota_consortium on hearth.space_quota for all using (hearth.consortium_mode()) with check (hearth.consortium_mode())`);

    // Feeds: an organisation's own; and the one row whose token the public feed request presents
    // (app.space_calendar_feed, transaction-local), found by the token's hash.
    await q.query(`
      create policy space_calendar_feed_own on hearth.space_calendar_feed for all
        using (${own}) with check (${own})`);
    await q.query(`
      create policy space_calendar_feed_presented on hearth.space_calendar_feed for select
        using (token_hash = sha256(convert_to(nullif(current_setting('app.space_calendar_feed', true), ''), 'UTF8')))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.space_calendar_feed, hearth.space_quota, hearth.space_occupancy, hearth.space_booking, hearth.bookable_space, hearth.venue`);
    await q.query(`drop function hearth.space_occupancy_sync(), hearth.space_booking_fixed()`);
  }
}
