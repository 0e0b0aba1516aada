import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/** Whether a member (not a guest organisation, not nobody) is bound to the unit of work. */
const MEMBER_BOUND = `nullif(current_setting('app.tenant_id', true), '') is not null`;

/**
 * The shared configuration library and each member's record of what it copied from it.
 *
 * `shared_configuration` is consortium-wide, not tenant-owned: every member may read every row,
 * guests none, and only the publishing member may write its own rows, and then only to withdraw
 * them. `configuration_adoption` is the copier's own record (tenant-owned, isolated as usual, one row per copy).
 */
export class SharedConfigurations1764320000000 implements MigrationInterface {
  name = 'SharedConfigurations1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.shared_configuration (
        id uuid primary key default gen_random_uuid(),
        -- The publishing member; only members publish, so it names a member, never a guest.
        organisation_id uuid not null references hearth.tenant (id),
        -- Versions of one piece share the id of its first version.
        lineage_id uuid not null,
        kind text not null check (kind ~ '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' and length(kind) <= 60),
        -- What of that kind, when a member has several (a letter template's code).
        subject text check (length(subject) between 1 and 100),
        title text not null check (length(trim(title)) between 1 and 120),
        description text not null check (length(trim(description)) between 1 and 2000),
        version text not null check (version ~ '^[0-9]{1,4}\\.[0-9]{1,4}(\\.[0-9]{1,4})?$'),
        version_order integer[] generated always as (string_to_array(version, '.')::integer[]) stored,
        content jsonb not null check (jsonb_typeof(content) = 'object'),
        content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
        published_by text not null,
        published_at timestamptz not null default now(),
        withdrawn_at timestamptz,
        withdrawn_by text,
        check ((withdrawn_at is null) = (withdrawn_by is null)),
        unique (lineage_id, version),
        unique (id, organisation_id, kind),
        -- Every version points at its lineage's first version (the first at itself) with the same
        -- publisher and kind: no member can add a version to another member's piece, by rule.
        foreign key (lineage_id, organisation_id, kind) references hearth.shared_configuration (id, organisation_id, kind)
      )`);
    // The library: newest first, paged by (published_at, id); a lineage's versions, newest first.
    await q.query(`create index shared_configuration_library on hearth.shared_configuration (published_at desc, id desc)`);
    await q.query(`create index shared_configuration_versions on hearth.shared_configuration (lineage_id, version_order desc)`);
    await q.query(`create index shared_configuration_by_publisher on hearth.shared_configuration (organisation_id, published_at desc)`);

    await q.query(`alter table hearth.shared_configuration enable row level security`);
    await q.query(`alter table hearth.shared_configuration force row level security`);
    // Every member sees every published row; a guest organisation (or nobody) sees none.
    await q.query(`create policy members_read on hearth.shared_configuration for select using (${MEMBER_BOUND})`);
    // A member publishes only in its own name.
    await q.query(`
      create policy publisher_publish on hearth.shared_configuration for insert
        with check (${MEMBER_BOUND} and organisation_id = (select hearth.current_organisation_id()))`);
    // ...and changes only its own rows: the column grants below leave it nothing to change but the withdrawal.
    await q.query(`
      create policy publisher_withdraw on hearth.shared_configuration for update
        using (${MEMBER_BOUND} and organisation_id = (select hearth.current_organisation_id()))
        with check (${MEMBER_BOUND} and organisation_id = (select hearth.current_organisation_id()))`);
    // A published version never changes and is never deleted (copies name it): withdrawn instead.
    await q.query(`revoke update, delete, truncate on hearth.shared_configuration from hearth_app`);
    await q.query(`grant update (withdrawn_at, withdrawn_by) on hearth.shared_configuration to hearth_app`);

    await q.query(`
      create table hearth.configuration_adoption (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        -- The version copied. A shared row, so no tenant-leading key can name it; shared rows are never deleted.
        shared_configuration_id uuid not null,
        lineage_id uuid not null,
        kind text not null,
        -- Where it went when the kind has several (the letter template code it was saved as).
        target text check (length(target) between 1 and 100),
        -- What was written: the published content, or the member's adaptation of it in the copy dialog.
        applied_content jsonb not null check (jsonb_typeof(applied_content) = 'object'),
        applied_hash text not null check (applied_hash ~ '^[0-9a-f]{64}$'),
        adapted_on_copy boolean not null,
        adopted_by text not null,
        adopted_at timestamptz not null default now(),
        primary key (tenant_id, id)
      )`);
    await q.query(`create index configuration_adoption_recent on hearth.configuration_adoption (tenant_id, adopted_at desc, id desc)`);
    await q.query(`create index configuration_adoption_by_lineage on hearth.configuration_adoption (tenant_id, lineage_id, adopted_at desc)`);
    await isolateTenantTable(q, 'configuration_adoption');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.configuration_adoption`);
    await q.query(`drop table hearth.shared_configuration`);
  }
}
