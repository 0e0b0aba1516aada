import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

/** A member's own closure days; bank holidays are computed by rule (bank-holidays.ts) and need no table. */
export class Calendar1763900150000 implements MigrationInterface {
  name = 'Calendar1763900150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.closure_day (
        tenant_id uuid not null references hearth.tenant (id),
        day date not null,
        description text not null check (length(description) between 1 and 200),
        created_by text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, day)
      )`);
    await isolateTenantTable(q, 'closure_day');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.closure_day`);
  }
}
