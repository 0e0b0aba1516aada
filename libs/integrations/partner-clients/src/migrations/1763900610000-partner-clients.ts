import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/** The partner clients a member registers (libs/integrations/partner-clients). */
export class PartnerClients1763900610000 implements MigrationInterface {
  name = 'PartnerClients1763900610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.partner_client (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        client_id text not null check (client_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(client_id) <= 120),
        name text not null check (length(name) between 1 and 100),
        description text not null default '' check (length(description) <= 1000),
        scopes text[] not null check (cardinality(scopes) >= 1),
        status text not null default 'active' check (status in ('active', 'suspended')),
        rate_limit_per_minute integer check (rate_limit_per_minute between 1 and 100000),
        directory text not null check (directory in ('keycloak', 'local')),
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        secret_rotated_at timestamptz,
        suspended_at timestamptz,
        suspended_by text,
        suspension_reason text check (length(suspension_reason) <= 500),
        primary key (tenant_id, id),
        check ((status = 'suspended') = (suspended_at is not null))
      )`);
    // The access guard looks a client up by its id on every request; the id is unique per member.
    await q.query(`create unique index partner_client_client_id on hearth.partner_client (tenant_id, client_id)`);
    await q.query(`create unique index partner_client_name on hearth.partner_client (tenant_id, lower(name))`);
    await isolateTenantTable(q, 'partner_client');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.partner_client`);
  }
}
