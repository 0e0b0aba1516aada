import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '../schema/tenant-isolation';

/**
 * The kernel's tables: the member registry, per-member module settings, the audit log and the
 * outbox. Runs as `hearth_owner`; `db:setup` has already granted `hearth_app` row access to
 * every table this role creates in schema `hearth` (default privileges).
 */
export class PlatformKernel1763900000000 implements MigrationInterface {
  name = 'PlatformKernel1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function hearth.current_tenant_id() returns uuid
      language plpgsql stable as $$
      declare
        value text := current_setting('app.tenant_id', true);
      begin
        if value is null or value = '' then
          raise exception 'no member is bound to this transaction (app.tenant_id is not set)'
            using errcode = 'insufficient_privilege',
                  hint = 'Run member work inside a request, a job or TransactionManager.run with a tenantId.';
        end if;
        return value::uuid;
      end $$`);

    await q.query(`
      create function hearth.consortium_mode() returns boolean
      language sql stable as $$ select coalesce(current_setting('app.consortium', true), '') = 'on' $$`);

    await q.query(`
      create table hearth.tenant (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
        name text not null check (length(trim(name)) > 0),
        name_cy text,
        registration_number text not null,
        country text not null check (country in ('england', 'wales', 'scotland', 'northern_ireland')),
        languages text[] not null check (cardinality(languages) > 0 and languages <@ array['en', 'cy']),
        keycloak_organization text not null unique,
        status text not null default 'active' check (status in ('active', 'suspended')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`alter table hearth.tenant enable row level security`);
    await q.query(`alter table hearth.tenant force row level security`);
    // The registry is the consortium's public directory; only explicit consortium work writes it.
    await q.query(`create policy directory_read on hearth.tenant for select using (true)`);
    await q.query(`
      create policy consortium_write on hearth.tenant for all
        using (hearth.consortium_mode()) with check (hearth.consortium_mode())`);

    await q.query(`
      create table hearth.tenant_module (
        tenant_id uuid not null references hearth.tenant (id),
        module_key text not null,
        enabled boolean not null,
        settings jsonb not null default '{}'::jsonb,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, module_key)
      )`);
    await isolateTenantTable(q, 'tenant_module');

    await q.query(`
      create table hearth.audit_log (
        tenant_id uuid not null references hearth.tenant (id),
        id bigint generated always as identity,
        occurred_at timestamptz not null default now(),
        actor_kind text not null check (actor_kind in ('user', 'partner', 'system')),
        actor_id text not null,
        actor_name text,
        acting_for boolean not null default false,
        request_id text,
        operation text not null,
        target_type text,
        target_id text,
        before jsonb,
        after jsonb,
        primary key (tenant_id, id)
      )`);
    await q.query(`create index audit_log_by_time on hearth.audit_log (tenant_id, occurred_at desc)`);
    await q.query(`create index audit_log_by_target on hearth.audit_log (tenant_id, target_type, target_id)`);
    await isolateTenantTable(q, 'audit_log');
    // Append-only for everyone, the owner included: the trigger is what makes that true.
    await q.query(`revoke update, delete, truncate on hearth.audit_log from hearth_app`);
    await q.query(`
      create function hearth.refuse_audit_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit log is append-only' using errcode = 'insufficient_privilege';
      end $$`);
    await q.query(`
      create trigger audit_log_append_only before update or delete on hearth.audit_log
        for each row execute function hearth.refuse_audit_change()`);
    await q.query(`
      create trigger audit_log_no_truncate before truncate on hearth.audit_log
        for each statement execute function hearth.refuse_audit_change()`);

    await q.query(`
      create table hearth.outbox_event (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        seq bigint generated always as identity,
        type text not null,
        aggregate_type text not null,
        aggregate_id text not null,
        payload jsonb not null,
        occurred_at timestamptz not null default now(),
        relayed_at timestamptz,
        primary key (tenant_id, id)
      )`);
    await q.query(`create index outbox_event_pending on hearth.outbox_event (seq) where relayed_at is null`);
    await q.query(`create index outbox_event_relayed on hearth.outbox_event (relayed_at) where relayed_at is not null`);
    await isolateTenantTable(q, 'outbox_event');

    // The relay is the one reader that must see every member's events. Rather than a policy
    // switch, it gets three narrow functions that run as `hearth_relay` (BYPASSRLS, no login).
    await q.query(`grant usage on schema hearth to hearth_relay`);
    await q.query(`grant select, update, delete on hearth.outbox_event to hearth_relay`);
    await q.query(`
      create function hearth.outbox_claim(batch_size integer) returns setof hearth.outbox_event
      language sql security definer set search_path = pg_catalog, pg_temp as $$
        select * from hearth.outbox_event
        where relayed_at is null
        order by seq
        limit batch_size
        for update skip locked
      $$`);
    await q.query(`
      create function hearth.outbox_mark_relayed(seqs bigint[]) returns integer
      language sql security definer set search_path = pg_catalog, pg_temp as $$
        with done as (
          update hearth.outbox_event set relayed_at = now()
          where seq = any (seqs) and relayed_at is null
          returning 1
        )
        select count(*)::integer from done
      $$`);
    await q.query(`
      create function hearth.outbox_prune(older_than interval) returns integer
      language sql security definer set search_path = pg_catalog, pg_temp as $$
        with gone as (
          delete from hearth.outbox_event where relayed_at < now() - older_than returning 1
        )
        select count(*)::integer from gone
      $$`);
    // Handing a function to another role needs that role to hold CREATE on the schema; it
    // keeps the functions but not the right to make more.
    await q.query(`grant create on schema hearth to hearth_relay`);
    for (const fn of ['outbox_claim(integer)', 'outbox_mark_relayed(bigint[])', 'outbox_prune(interval)']) {
      await q.query(`alter function hearth.${fn} owner to hearth_relay`);
      await q.query(`revoke execute on function hearth.${fn} from public`);
      await q.query(`grant execute on function hearth.${fn} to hearth_app`);
    }
    await q.query(`revoke create on schema hearth from hearth_relay`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists hearth.outbox_prune(interval), hearth.outbox_mark_relayed(bigint[]), hearth.outbox_claim(integer)`);
    await q.query(`drop table if exists hearth.outbox_event, hearth.audit_log, hearth.tenant_module, hearth.tenant`);
    await q.query(`drop function if exists hearth.refuse_audit_change(), hearth.consortium_mode(), hearth.current_tenant_id()`);
  }
}
