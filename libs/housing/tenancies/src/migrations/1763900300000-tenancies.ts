import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/**
 * People, their alerts, and tenancies (occupation contracts in Wales) with their parties and
 * events. PostgreSQL itself refuses two live tenancies on one dwelling at once.
 */
export class Tenancies1763900300000 implements MigrationInterface {
  name = 'Tenancies1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.person (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        title text check (length(title) <= 20),
        given_name text not null check (length(trim(given_name)) between 1 and 100),
        family_name text not null check (length(trim(family_name)) between 1 and 100),
        date_of_birth date check (date_of_birth >= date '1900-01-01'),
        email text check (length(email) <= 254 and email like '%_@_%'),
        phone text check (length(phone) <= 30),
        preferred_language text not null default 'en' check (preferred_language in ('en', 'cy')),
        communication_needs text[] not null default '{}' check (communication_needs <@ array[
          'large_print', 'braille', 'audio', 'easy_read', 'bsl_interpreter', 'language_interpreter',
          'text_relay', 'hearing_loop', 'written_only']),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search_text text generated always as (lower(given_name || ' ' || family_name)) stored,
        primary key (tenant_id, id)
      )`);
    await q.query(`create index person_by_name on hearth.person (tenant_id, family_name, given_name, id)`);
    // Name search by trigram word similarity (<%), which db:setup makes usable under RLS (ADR 10).
    await q.query(`create index person_search on hearth.person using gin (tenant_id, search_text gin_trgm_ops)`);
    await isolateTenantTable(q, 'person');

    await q.query(`
      create table hearth.person_reference (
        tenant_id uuid not null references hearth.tenant (id),
        system text not null check (length(system) between 1 and 100),
        reference text not null check (length(reference) between 1 and 100),
        person_id uuid not null,
        description text check (length(description) <= 200),
        primary key (tenant_id, system, reference),
        foreign key (tenant_id, person_id) references hearth.person (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index person_reference_by_person on hearth.person_reference (tenant_id, person_id)`);
    // Search by the start of a reference: a range in byte order. Not upper(reference): under RLS an
    // index serves only leakproof expressions, and upper() is not one.
    await q.query(`create index person_reference_lookup on hearth.person_reference (tenant_id, (reference collate "C"))`);
    await isolateTenantTable(q, 'person_reference');

    // HACT person alert codes. Others see the code's meaning; the note is for permitted roles.
    await q.query(`
      create table hearth.person_alert (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        person_id uuid not null,
        code text not null check (code in ('10', '20-10', '20-50', '20-70', '40', '50', '60')),
        note text check (length(note) <= 2000),
        raised_on date not null default current_date,
        ended_on date,
        raised_by text not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, person_id) references hearth.person (tenant_id, id),
        check (ended_on is null or ended_on >= raised_on)
      )`);
    // One active alert per code and person; also how a person's active alerts are found.
    await q.query(`create unique index person_alert_active on hearth.person_alert (tenant_id, person_id, code) where ended_on is null`);
    await isolateTenantTable(q, 'person_alert');

    await q.query(`
      create table hearth.tenancy (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        dwelling_id uuid not null,
        tenure_type text not null check (tenure_type in (
          'secure', 'assured', 'assured_shorthold', 'starter', 'introductory', 'non_secure', 'leasehold',
          'shared_ownership', 'licence', 'temporary', 'scottish_secure', 'short_scottish_secure',
          'secure_contract', 'standard_contract')),
        start_date date not null,
        -- The last day of the tenancy; null while it runs with no end in sight.
        end_date date,
        end_reason text check (end_reason in ('notice', 'death', 'eviction', 'transfer', 'mutual_exchange', 'abandonment', 'succession', 'other')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, dwelling_id) references hearth.asset (tenant_id, id),
        check (end_date is null or end_date >= start_date),
        check ((end_date is null) = (end_reason is null)),
        -- The dwelling is compared as text so that this GiST index, which only enforces the rule,
        -- never serves a lookup by dwelling: its cost estimate is far below its real cost on random
        -- uuids (hundreds of pages a probe at 50,000 tenancies), and tenancy_by_dwelling is the one
        -- to use (a handful of pages).
        constraint tenancy_no_overlap exclude using gist (
          tenant_id with =, (dwelling_id::text) with =, daterange(start_date, end_date, '[]') with &&)
      )`);
    // Finds a dwelling's live tenancy, and answers occupied/void and tenure filters, from the index alone.
    await q.query(`create index tenancy_by_dwelling on hearth.tenancy (tenant_id, dwelling_id, start_date desc) include (end_date, tenure_type)`);
    await q.query(`create index tenancy_by_start on hearth.tenancy (tenant_id, start_date desc, id desc)`);
    await q.query(`create index tenancy_by_tenure on hearth.tenancy (tenant_id, tenure_type, dwelling_id) where end_date is null`);
    await isolateTenantTable(q, 'tenancy');

    await q.query(`
      create table hearth.tenancy_reference (
        tenant_id uuid not null references hearth.tenant (id),
        system text not null check (length(system) between 1 and 100),
        reference text not null check (length(reference) between 1 and 100),
        tenancy_id uuid not null,
        description text check (length(description) <= 200),
        primary key (tenant_id, system, reference),
        foreign key (tenant_id, tenancy_id) references hearth.tenancy (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index tenancy_reference_by_tenancy on hearth.tenancy_reference (tenant_id, tenancy_id)`);
    await q.query(`create index tenancy_reference_lookup on hearth.tenancy_reference (tenant_id, (reference collate "C"))`);
    await isolateTenantTable(q, 'tenancy_reference');

    // Tenants (joint tenants when more than one) and household members of a tenancy.
    await q.query(`
      create table hearth.tenancy_party (
        tenant_id uuid not null references hearth.tenant (id),
        tenancy_id uuid not null,
        person_id uuid not null,
        role text not null check (role in ('tenant', 'household_member')),
        relationship text check (relationship in ('partner', 'child', 'parent', 'sibling', 'relative', 'carer', 'lodger', 'other')),
        joined_on date,
        left_on date,
        primary key (tenant_id, tenancy_id, person_id),
        foreign key (tenant_id, tenancy_id) references hearth.tenancy (tenant_id, id) on delete cascade,
        foreign key (tenant_id, person_id) references hearth.person (tenant_id, id),
        check (left_on is null or joined_on is null or left_on >= joined_on)
      )`);
    await q.query(`create index tenancy_party_by_person on hearth.tenancy_party (tenant_id, person_id)`);
    await isolateTenantTable(q, 'tenancy_party');

    await q.query(`
      create table hearth.tenancy_event (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        tenancy_id uuid not null,
        kind text not null check (kind in ('started', 'ended', 'succession', 'mutual_exchange', 'party_joined', 'party_left')),
        occurred_on date not null,
        details jsonb not null default '{}'::jsonb,
        recorded_at timestamptz not null default now(),
        recorded_by text not null,
        primary key (tenant_id, id),
        foreign key (tenant_id, tenancy_id) references hearth.tenancy (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index tenancy_event_by_tenancy on hearth.tenancy_event (tenant_id, tenancy_id, occurred_on)`);
    await isolateTenantTable(q, 'tenancy_event');

    // The dwelling register's read paths on the assets tables (ADR 9: read, never write). Pages
    // are in postcode order, byte-wise so a postcode prefix is a range, with dwellings that have
    // no postcode last; DwellingRegisterService.ORDER_KEY must stay this expression.
    const registerKey = `((case when postcode is null then '~' else postcode end) collate "C")`;
    await q.query(`create index dwelling_register on hearth.asset (tenant_id, ${registerKey}, id) where kind = 'dwelling'`);
    await q.query(`create index dwelling_register_by_patch on hearth.asset (tenant_id, patch, ${registerKey}, id) where kind = 'dwelling'`);
    await q.query(`create index asset_reference_lookup on hearth.asset_reference (tenant_id, (reference collate "C"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index hearth.dwelling_register, hearth.dwelling_register_by_patch, hearth.asset_reference_lookup`);
    await q.query(`drop table hearth.tenancy_event, hearth.tenancy_party, hearth.tenancy_reference, hearth.tenancy,
      hearth.person_alert, hearth.person_reference, hearth.person`);
  }
}
