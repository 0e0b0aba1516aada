import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/**
 * Files members give us, the import runs made from them, and the SQL helpers importers use to
 * read a CSV cell. The helpers return null for text that is not what they read, so a check can
 * say "is not a date" and the apply step can cast without ever raising mid-statement.
 */
export class Imports1763900450000 implements MigrationInterface {
  name = 'Imports1763900450000';

  async up(q: QueryRunner): Promise<void> {
    // Imports stage rows in a temporary table; db:setup revokes every database privilege from
    // PUBLIC, so the app role is given back exactly this one. Temporary tables are private to
    // their session and dropped with the import's transaction.
    await q.query(`do $$ begin execute format('grant temporary on database %I to hearth_app', current_database()); end $$`);

    // Each is a single expression, so PostgreSQL inlines it into the query that calls it: a
    // call that is not inlined costs microseconds a row, which is most of a 50,000-row import.
    await q.query(`
      create function hearth.import_integer(raw text) returns integer
      language sql immutable parallel safe as $$
        select case when raw ~ '^[+-]?[0-9]{1,9}$' then raw::integer end
      $$`);
    await q.query(`
      create function hearth.import_calendar_date(year integer, month integer, day integer) returns date
      language sql immutable parallel safe as $$
        select case when day <= extract(day from make_date(year, month, 1) + interval '1 month - 1 day') then make_date(year, month, day) end
      $$`);
    // ISO (2024-03-31) or the UK's day-first form (31/03/2024, 1/4/2024), which spreadsheets write.
    await q.query(`
      create function hearth.import_date(raw text) returns date
      language sql immutable parallel safe as $$
        select case
          when raw ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' and raw !~ '^0000'
            then hearth.import_calendar_date(substr(raw, 1, 4)::int, substr(raw, 6, 2)::int, substr(raw, 9, 2)::int)
          when raw ~ '^(0?[1-9]|[12][0-9]|3[01])/(0?[1-9]|1[0-2])/[0-9]{4}$' and raw !~ '/0000$'
            then hearth.import_calendar_date(split_part(raw, '/', 3)::int, split_part(raw, '/', 2)::int, split_part(raw, '/', 1)::int)
        end
      $$`);
    await q.query(`
      create function hearth.import_boolean(raw text) returns boolean
      language sql immutable parallel safe as $$
        select case when lower(raw) in ('yes', 'y', 'true', '1') then true when lower(raw) in ('no', 'n', 'false', '0') then false end
      $$`);
    // Semicolon-separated items, trimmed, in the order given, without blanks; empty for no cell.
    await q.query(`
      create function hearth.import_list(raw text) returns text[]
      language sql immutable parallel safe as $$
        select coalesce(array_remove(regexp_split_to_array(btrim(raw, E' \\t;'), '\\s*;[\\s;]*'), ''), '{}')
      $$`);
    // A value quoted for an error message, cut short so one huge cell cannot swamp a report.
    await q.query(`
      create function hearth.import_quote(raw text) returns text
      language sql immutable parallel safe as $$
        select '"' || left(raw, 60) || case when length(raw) > 60 then '…' else '' end || '"'
      $$`);

    await q.query(`
      create table hearth.stored_file (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        name text not null check (length(name) between 1 and 255),
        content_type text not null check (length(content_type) <= 255),
        size_bytes bigint not null check (size_bytes >= 0),
        sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
        uploaded_by text not null,
        uploaded_at timestamptz not null default now(),
        primary key (tenant_id, id)
      )`);
    await isolateTenantTable(q, 'stored_file');

    await q.query(`
      create table hearth.import_run (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind ~ '^[a-z][a-z0-9-]*$'),
        file_id uuid not null,
        status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
        rows_staged integer not null default 0,
        rows_validated integer not null default 0,
        rows_applied integer not null default 0,
        inserted integer,
        updated integer,
        unchanged integer,
        -- Every problem is counted; the first ones (see MAX_KEPT_PROBLEMS) are kept to show.
        error_count integer not null default 0,
        errors jsonb not null default '[]' check (jsonb_typeof(errors) = 'array'),
        started_by text not null,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, file_id) references hearth.stored_file (tenant_id, id),
        check ((status = 'succeeded') = (inserted is not null and updated is not null and unchanged is not null))
      )`);
    await q.query(`create index import_run_recent on hearth.import_run (tenant_id, created_at desc, id desc)`);
    await q.query(`create index import_run_by_file on hearth.import_run (tenant_id, file_id)`);
    await isolateTenantTable(q, 'import_run');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.import_run, hearth.stored_file`);
    await q.query(`drop function hearth.import_integer(text), hearth.import_date(text), hearth.import_calendar_date(integer, integer, integer),
      hearth.import_boolean(text), hearth.import_list(text), hearth.import_quote(text)`);
    await q.query(`do $$ begin execute format('revoke temporary on database %I from hearth_app', current_database()); end $$`);
  }
}
