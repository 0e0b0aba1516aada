import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Guest organisations: councils, health boards and others the consortium invites to use its
 * shared spaces and events. A guest's token binds the guest organisation, never a member, so
 * `hearth.current_tenant_id()` raises for them and no member's housing data can be read, by
 * construction rather than by a check each module must remember.
 */
export class GuestOrganisations1764200000000 implements MigrationInterface {
  name = 'GuestOrganisations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.guest_organisation (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
        name text not null check (length(trim(name)) > 0),
        kind text not null check (kind in ('council', 'health_board', 'charity', 'other')),
        keycloak_organization text not null unique,
        status text not null default 'active' check (status in ('active', 'suspended')),
        invited_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await q.query(`alter table hearth.guest_organisation enable row level security`);
    await q.query(`alter table hearth.guest_organisation force row level security`);
    // Like the member directory: everyone may read who the guests are; only consortium work writes.
    await q.query(`create policy directory_read on hearth.guest_organisation for select using (true)`);
    await q.query(`
      create policy consortium_write on hearth.guest_organisation for all
        using (hearth.consortium_mode()) with check (hearth.consortium_mode())`);

    // One Keycloak organisation names one organisation: a guest may not take a member's alias or
    // slug (resolution would be ambiguous), nor a member a guest's.
    await q.query(`
      create function hearth.refuse_organisation_clash() returns trigger
      language plpgsql as $$
      begin
        if tg_table_name = 'guest_organisation' then
          if exists (select 1 from hearth.tenant t where t.keycloak_organization = new.keycloak_organization or t.slug = new.slug) then
            raise exception 'organisation "%" is already a member', new.slug using errcode = 'unique_violation';
          end if;
        elsif exists (select 1 from hearth.guest_organisation g where g.keycloak_organization = new.keycloak_organization or g.slug = new.slug) then
          raise exception 'organisation "%" is already a guest organisation', new.slug using errcode = 'unique_violation';
        end if;
        return new;
      end $$`);
    await q.query(`
      create trigger guest_organisation_no_clash before insert or update of slug, keycloak_organization on hearth.guest_organisation
        for each row execute function hearth.refuse_organisation_clash()`);
    await q.query(`
      create trigger tenant_no_guest_clash before insert or update of slug, keycloak_organization on hearth.tenant
        for each row execute function hearth.refuse_organisation_clash()`);

    // The organisation a unit of work acts for: its member, or else its guest organisation; null
    // when neither is bound (shared-row policies then match nothing rather than raising).
    await q.query(`
      create function hearth.current_guest_organisation_id() returns uuid
      language sql stable parallel safe as $$ select nullif(current_setting('app.guest_organisation_id', true), '')::uuid $$`);
    await q.query(`
      create function hearth.current_organisation_id() returns uuid
      language sql stable parallel safe as $$
        select coalesce(nullif(current_setting('app.tenant_id', true), '')::uuid,
                        nullif(current_setting('app.guest_organisation_id', true), '')::uuid)
      $$`);

    // The audit log is tenant-owned; what guests and consortium staff do with no member bound
    // (book a desk, run an unconference) is audited here instead, as append-only.
    await q.query(`
      create table hearth.organisation_audit_log (
        id bigint generated always as identity primary key,
        guest_organisation_id uuid references hearth.guest_organisation (id),
        occurred_at timestamptz not null default now(),
        actor_kind text not null check (actor_kind in ('user', 'partner', 'system')),
        actor_id text not null,
        actor_name text,
        request_id text,
        operation text not null,
        target_type text,
        target_id text,
        before jsonb,
        after jsonb
      )`);
    await q.query(`create index organisation_audit_log_by_time on hearth.organisation_audit_log (guest_organisation_id, occurred_at desc)`);
    await q.query(`alter table hearth.organisation_audit_log enable row level security`);
    await q.query(`alter table hearth.organisation_audit_log force row level security`);
    // Written only for the organisation bound (a guest's own, or none for consortium staff) and
    // never while a member is bound (member work has its own audit log); read by consortium staff
    // in consortium mode, and by a guest for its own entries.
    await q.query(`
      create policy record_own on hearth.organisation_audit_log for insert
        with check (coalesce(current_setting('app.tenant_id', true), '') = ''
                    and guest_organisation_id is not distinct from hearth.current_guest_organisation_id())`);
    await q.query(`
      create policy read_own on hearth.organisation_audit_log for select
        using (hearth.consortium_mode() or guest_organisation_id = (select hearth.current_guest_organisation_id()))`);
    await q.query(`revoke update, delete, truncate on hearth.organisation_audit_log from hearth_app`);
    await q.query(`
      create trigger organisation_audit_log_append_only before update or delete on hearth.organisation_audit_log
        for each row execute function hearth.refuse_audit_change()`);
    await q.query(`
      create trigger organisation_audit_log_no_truncate before truncate on hearth.organisation_audit_log
        for each statement execute function hearth.refuse_audit_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.organisation_audit_log`);
    await q.query(`drop trigger tenant_no_guest_clash on hearth.tenant`);
    await q.query(`drop table hearth.guest_organisation`);
    await q.query(`drop function hearth.refuse_organisation_clash()`);
    await q.query(`drop function hearth.current_organisation_id()`);
    await q.query(`drop function hearth.current_guest_organisation_id()`);
  }
}
