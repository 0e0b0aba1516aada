import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/**
 * The asset hierarchy: estate → block → dwelling, plus communal areas and garages, with the
 * references members bring from the systems they leave. Postcode and UPRN rules live here, in
 * SQL, so the API, the bulk import and any future path enforce the same ones.
 */
export class Assets1763900200000 implements MigrationInterface {
  name = 'Assets1763900200000';

  async up(q: QueryRunner): Promise<void> {
    // A UK postcode in Royal Mail's format, upper case with one space before the inward code;
    // null when the text is not one. Immutable, so it can back a CHECK and an index, and one
    // expression with no FROM, so PostgreSQL inlines it into the CHECK (a bulk import calls it
    // for every row).
    await q.query(`
      create function hearth.normalise_postcode(raw text) returns text
      language sql immutable parallel safe as $$
        select case
          when upper(regexp_replace(raw, '\\s', '', 'g')) ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}$'
          then left(upper(regexp_replace(raw, '\\s', '', 'g')), -3) || ' ' || right(upper(regexp_replace(raw, '\\s', '', 'g')), 3)
        end
      $$`);

    await q.query(`
      create table hearth.asset (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('estate', 'block', 'dwelling', 'communal', 'garage')),
        parent_id uuid,
        name text check (length(name) <= 200),
        address_line_1 text check (length(address_line_1) <= 200),
        address_line_2 text check (length(address_line_2) <= 200),
        town text check (length(town) <= 100),
        -- "is not distinct from": a plain "=" is null, so passes, for a postcode that is not one.
        postcode text check (postcode is not distinct from hearth.normalise_postcode(postcode)),
        -- The district ("CF10" of "CF10 1AA"), so a filter by district is an equality on an index:
        -- under row-level security an index only serves leakproof operators, which LIKE is not.
        outward_code text generated always as (split_part(postcode, ' ', 1)) stored,
        -- Unique Property Reference Number: the national identifier, up to 12 digits.
        uprn bigint check (uprn between 1 and 999999999999),
        bedrooms smallint check (bedrooms between 0 and 20),
        floor smallint check (floor between -5 and 200),
        built_year smallint check (built_year between 1000 and 2100),
        heating text check (heating in ('gas', 'electric', 'district', 'heat_pump', 'oil', 'solid_fuel', 'other', 'none')),
        lift_access boolean,
        accessibility text[] not null default '{}' check (accessibility <@ array[
          'level_access', 'step_free_entrance', 'wheelchair_adapted', 'wet_room', 'stairlift',
          'through_floor_lift', 'hoist', 'ramp', 'wide_doors', 'visual_alarm']),
        -- The housing officer's area, as the member names it.
        patch text check (length(patch) <= 100),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        search_text text generated always as (lower(
          coalesce(name, '') || ' ' || coalesce(address_line_1, '') || ' ' || coalesce(address_line_2, '') || ' ' ||
          coalesce(town, '') || ' ' || coalesce(postcode, ''))) stored,
        primary key (tenant_id, id),
        foreign key (tenant_id, parent_id) references hearth.asset (tenant_id, id),
        unique (tenant_id, uprn),
        check (parent_id is null or parent_id <> id),
        check (kind <> 'estate' or parent_id is null)
      )`);
    await q.query(`create index asset_by_kind_patch on hearth.asset (tenant_id, kind, patch, postcode, id)`);
    await q.query(`create index asset_by_postcode on hearth.asset (tenant_id, postcode, id)`);
    await q.query(`create index asset_by_outward_code on hearth.asset (tenant_id, outward_code, id)`);
    await q.query(`create index asset_by_parent on hearth.asset (tenant_id, parent_id, id)`);
    await q.query(`create index asset_search on hearth.asset using gin (tenant_id, search_text gin_trgm_ops)`);
    await isolateTenantTable(q, 'asset');

    // Ids from the systems a member leaves (HACT's Reference: id, allocated by, description).
    await q.query(`
      create table hearth.asset_reference (
        tenant_id uuid not null references hearth.tenant (id),
        system text not null check (length(system) between 1 and 100),
        reference text not null check (length(reference) between 1 and 100),
        asset_id uuid not null,
        description text check (length(description) <= 200),
        primary key (tenant_id, system, reference),
        foreign key (tenant_id, asset_id) references hearth.asset (tenant_id, id) on delete cascade
      )`);
    await q.query(`create index asset_reference_by_asset on hearth.asset_reference (tenant_id, asset_id)`);
    await q.query(`create index asset_reference_search on hearth.asset_reference using gin (tenant_id, reference gin_trgm_ops)`);
    await isolateTenantTable(q, 'asset_reference');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.asset_reference, hearth.asset`);
    await q.query(`drop function hearth.normalise_postcode(text)`);
  }
}
