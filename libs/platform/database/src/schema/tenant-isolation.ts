import type { QueryRunner } from 'typeorm';

/**
 * The one place where a tenant-owned table gets its isolation. Every module migration that
 * creates a table with a `tenant_id` calls this, and the catalogue test fails for any table
 * that skipped it.
 *
 * `(select hearth.current_tenant_id())` is written as a sub-select so PostgreSQL evaluates it
 * once per statement (an InitPlan) rather than once per row; the function raises when no
 * member is bound, so a missing context is an error, never an empty or foreign result.
 */
export async function isolateTenantTable(runner: QueryRunner, table: string): Promise<void> {
  const qualified = table.includes('.') ? table : `hearth.${table}`;
  await runner.query(`alter table ${qualified} enable row level security`);
  await runner.query(`alter table ${qualified} force row level security`);
  await runner.query(
    `create policy tenant_isolation on ${qualified}
       using (tenant_id = (select hearth.current_tenant_id()))
       with check (tenant_id = (select hearth.current_tenant_id()))`,
  );
}
