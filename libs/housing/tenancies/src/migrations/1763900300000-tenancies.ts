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
    await q.query(`create index person_alert_by_person on hearth.person_alert (tenant_id, person_id) where ended_on is null`);
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
        constraint tenancy_no_overlap exclude using gist (
          tenant_id with =, dwelling_id with =, daterange(start_date, end_date, '[]') with &&)
      )`);
    await q.query(`create index tenancy_by_dwelling on hearth.tenancy (tenant_id, dwelling_id, start_date desc)`);
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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.tenancy_event, hearth.tenancy_party, hearth.tenancy_reference, hearth.tenancy,
      hearth.person_alert, hearth.person_reference, hearth.person`);
  }
}
