import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from '@hearth/platform-database';

export class Noticeboard1763900100000 implements MigrationInterface {
  name = 'Noticeboard1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hearth.notice (
        tenant_id uuid not null references hearth.tenant (id),
        id uuid not null default gen_random_uuid(),
        title text not null check (length(title) between 1 and 200),
        body text not null check (length(body) between 1 and 10000),
        posted_by text not null,
        posted_at timestamptz not null default now(),
        expires_at timestamptz not null,
        withdrawn_at timestamptz,
        primary key (tenant_id, id),
        check (expires_at > posted_at)
      )`);
    // Serves the noticeboard's only list: current notices, newest first, paged by (posted_at, id).
    await q.query(`create index notice_current on hearth.notice (tenant_id, posted_at desc, id desc)`);
    await isolateTenantTable(q, 'notice');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table hearth.notice`);
  }
}
