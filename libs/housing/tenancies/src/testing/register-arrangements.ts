import type { Client } from 'pg';

/**
 * Arranges register rows directly in SQL as the superuser, so a test's arrangement never
 * depends on the code it tests (nor on the assets module's services).
 */

export interface DwellingFields {
  kind?: string;
  addressLine1?: string;
  postcode?: string | null;
  patch?: string | null;
  reference?: string;
}

export async function arrangeDwelling(admin: Client, tenantId: string, fields: DwellingFields = {}): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, town, postcode, patch)
     values ($1, $2, $3, 'Cardiff', $4, $5) returning id`,
    [tenantId, fields.kind ?? 'dwelling', fields.addressLine1 ?? '1 Example Street', fields.postcode === undefined ? 'CF10 1AA' : fields.postcode, fields.patch ?? null],
  );
  const id = rows[0].id as string;
  if (fields.reference) {
    await admin.query(`insert into hearth.asset_reference (tenant_id, system, reference, asset_id) values ($1, 'legacy', $2, $3)`, [tenantId, fields.reference, id]);
  }
  return id;
}

export async function arrangePerson(admin: Client, tenantId: string, givenName: string, familyName: string, reference?: string): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.person (tenant_id, given_name, family_name) values ($1, $2, $3) returning id`,
    [tenantId, givenName, familyName],
  );
  const id = rows[0].id as string;
  if (reference) {
    await admin.query(`insert into hearth.person_reference (tenant_id, system, reference, person_id) values ($1, 'legacy', $2, $3)`, [tenantId, reference, id]);
  }
  return id;
}

export interface TenancyFields {
  dwellingId: string;
  tenants: string[];
  householdMembers?: string[];
  tenureType?: string;
  startDate?: string;
  endDate?: string | null;
  reference?: string;
}

export async function arrangeTenancy(admin: Client, tenantId: string, fields: TenancyFields): Promise<string> {
  const { rows } = await admin.query(
    `insert into hearth.tenancy (tenant_id, dwelling_id, tenure_type, start_date, end_date, end_reason)
     values ($1, $2, $3, $4, $5, case when $5::date is null then null else 'notice' end) returning id`,
    [tenantId, fields.dwellingId, fields.tenureType ?? 'assured', fields.startDate ?? '2020-01-01', fields.endDate ?? null],
  );
  const id = rows[0].id as string;
  const parties = [...fields.tenants.map((p) => [p, 'tenant']), ...(fields.householdMembers ?? []).map((p) => [p, 'household_member'])];
  for (const [personId, role] of parties) {
    await admin.query(
      `insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role, joined_on) values ($1, $2, $3, $4, $5)`,
      [tenantId, id, personId, role, fields.startDate ?? '2020-01-01'],
    );
  }
  if (fields.reference) {
    await admin.query(`insert into hearth.tenancy_reference (tenant_id, system, reference, tenancy_id) values ($1, 'legacy', $2, $3)`, [tenantId, fields.reference, id]);
  }
  return id;
}

/** Row counts of the tables a register change writes, to show a refused change wrote nothing. */
export async function registerCounts(admin: Client): Promise<Record<string, number>> {
  const tables = ['person', 'person_reference', 'person_alert', 'tenancy', 'tenancy_party', 'tenancy_event', 'tenancy_reference', 'audit_log', 'outbox_event'];
  const { rows } = await admin.query(`select ${tables.map((t) => `(select count(*)::int from hearth.${t}) as ${t}`).join(', ')}`);
  return rows[0];
}
