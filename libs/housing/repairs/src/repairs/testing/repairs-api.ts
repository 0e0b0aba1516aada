import type { Client } from 'pg';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { RepairsModule } from '../../repairs.module';

export const REPAIRS_MODULES = [ImportsModule, CalendarModule, AssetsModule, RepairsModule];

/** A member as the tests arrange it. */
interface TestMember {
  id: string;
}

/** Assets are the assets module's: arranged in SQL, so these tests do not lean on its services. */
export async function insertAsset(admin: Client, member: TestMember, kind = 'dwelling'): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, postcode) values ($1, $2, '1 Heol y Frenhines', 'CF10 1AA') returning id`,
    [member.id, kind],
  );
  return rows[0].id;
}

export async function insertSorCode(admin: Client, member: TestMember, code: string, fields: { trade?: string; costPence?: number; active?: boolean } = {}): Promise<void> {
  await admin.query(
    `insert into hearth.sor_code (tenant_id, code, description, trade, default_priority, cost_pence, standard_minutes, active)
     values ($1, $2, 'Renew tap washer', $3, 'routine', $4, 30, $5)`,
    [member.id, code, fields.trade ?? 'plumbing', fields.costPence ?? 1250, fields.active ?? true],
  );
}

export async function insertContractor(admin: Client, member: TestMember, name: string, trades: string[], fields: { active?: boolean; partnerClientId?: string } = {}): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.contractor (tenant_id, name, trades, active, partner_client_id) values ($1, $2, $3, $4, $5) returning id`,
    [member.id, name, trades, fields.active ?? true, fields.partnerClientId ?? null],
  );
  return rows[0].id;
}

/** A file as POST /files records it (the content is not needed to attach it). */
export async function insertStoredFile(admin: Client, member: TestMember, name = 'after.jpg'): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.stored_file (tenant_id, name, content_type, size_bytes, sha256, uploaded_by)
     values ($1, $2, 'image/jpeg', 1024, repeat('a', 64), 'Dai Price') returning id`,
    [member.id, name],
  );
  return rows[0].id;
}

/** Fails the test with the errors when there are any, so a broken query says why. */
export function dataOf(res: { data?: Record<string, any> | null; errors?: unknown[] }): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}
