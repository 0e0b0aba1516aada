import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import type { HearthConfig } from '@hearth/platform-core';
import { TransactionManager, type Actor } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { CalendarModule } from '@hearth/platform-calendar';
import { AssetsModule } from '@hearth/housing-assets';
import { RepairsModule } from '../../repairs.module';

/**
 * Test support for hazards, escalation and measures: the repairs services on the platform as the
 * worker would build them (no GraphQL), and rows arranged in SQL as the superuser, so a test's
 * arrangement never depends on the code it tests.
 */
export function startRepairs(config: HearthConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config, modules: [CalendarModule, AssetsModule, RepairsModule], process: 'test' }),
    { logger: false },
  );
}

const staff = (id: string, name: string, roles: string[]): Actor => ({ kind: 'user', id, name, roles, scopes: [], organizations: [] });
export const PLANNER = staff('planner-1', 'Dai Price', ['repairs-planner']);

export function workAs<T>(app: INestApplicationContext, tenantId: string, actor: Actor, work: () => Promise<T>): Promise<T> {
  return app.get(TransactionManager).run({ actor, tenantId }, work);
}

export async function arrangeAsset(admin: Client, tenantId: string): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, town, postcode) values ($1, 'dwelling', '1 Damp Street', 'Leeds', 'LS1 1AA') returning id`,
    [tenantId],
  );
  return rows[0].id as string;
}

export async function arrangeRepair(admin: Client, tenantId: string, assetId: string): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.repair (tenant_id, asset_id, description, reported_by_kind, reported_by) values ($1, $2, 'Mould in the bedroom', 'staff', 'test') returning id`,
    [tenantId, assetId],
  );
  return rows[0].id as string;
}

export interface WorkOrderFields {
  raisedAt: Date;
  targetAt: Date;
  warnAt?: Date;
  emergency?: boolean;
  completedAt?: Date | null;
  status?: string;
}

/** A work order (with its repair) on the asset, open unless completedAt is given. */
export async function arrangeWorkOrder(admin: Client, tenantId: string, assetId: string, fields: WorkOrderFields): Promise<string> {
  const repairId = await arrangeRepair(admin, tenantId, assetId);
  const status = fields.status ?? (fields.completedAt ? 'completed' : 'raised');
  const { rows } = await admin.query(
    `insert into hearth.work_order (tenant_id, repair_id, status, priority, emergency, trade, raised_at, target_at, warn_at, completed_at, inspected_at, cancelled_reason)
     values ($1, $2, $3, $4, $5, 'general', $6, $7, $8, $9::timestamptz, case when $3::text = 'inspected' then $9::timestamptz end, $10) returning id`,
    [
      tenantId, repairId, status, fields.emergency ? 'emergency' : 'routine', fields.emergency ?? false, fields.raisedAt, fields.targetAt,
      fields.warnAt ?? fields.targetAt, fields.completedAt ?? null, status === 'cancelled' ? 'test' : null,
    ],
  );
  return rows[0].id as string;
}

/** Counts of the rows a hazard change writes, to show a refused change wrote nothing. */
export async function hazardCounts(admin: Client): Promise<Record<string, unknown>> {
  const { rows } = await admin.query(
    `select (select count(*)::int from hearth.hazard_case) as cases,
            (select count(*)::int from hearth.audit_log) as audit,
            (select count(*)::int from hearth.outbox_event) as events,
            (select json_agg(k order by k.hazard_case_id, k.clock) from hearth.hazard_clock k) as clocks,
            (select json_agg(c order by c.id) from hearth.hazard_case c) as case_rows,
            (select json_agg(r.hazard_case_id order by r.id) from hearth.repair r) as links`,
  );
  return rows[0];
}
