import type { Client } from 'pg';

export interface TestMember {
  id: string;
  slug: string;
  organization: string;
}

/**
 * Arranges a member directly in SQL as the superuser, so a test's arrangement never depends on
 * the code it tests. Modules listed are switched on.
 */
export async function insertMember(
  admin: Client,
  slug: string,
  modules: Record<string, Record<string, unknown>> = {},
  fields: { country?: string; languages?: string[]; status?: string } = {},
): Promise<TestMember> {
  const { rows } = await admin.query(
    `insert into hearth.tenant (slug, name, registration_number, country, languages, keycloak_organization, status)
     values ($1, $2, $3, $4, $5, $1, $6) returning id`,
    [slug, `Member ${slug}`, `REG-${slug}`, fields.country ?? 'england', fields.languages ?? ['en'], fields.status ?? 'active'],
  );
  const id = rows[0].id as string;
  for (const [key, settings] of Object.entries(modules)) {
    await admin.query(
      `insert into hearth.tenant_module (tenant_id, module_key, enabled, settings) values ($1, $2, true, $3)`,
      [id, key, JSON.stringify(settings)],
    );
  }
  return { id, slug, organization: slug };
}

/** Puts an invited guest organisation (a council, say) in place; its Keycloak organisation alias is its slug. */
export async function insertGuestOrganisation(
  admin: Client,
  slug: string,
  fields: { kind?: string; status?: string } = {},
): Promise<TestMember> {
  const { rows } = await admin.query(
    `insert into hearth.guest_organisation (slug, name, kind, keycloak_organization, status, invited_by)
     values ($1, $2, $3, $1, $4, 'test') returning id`,
    [slug, `Guest ${slug}`, fields.kind ?? 'council', fields.status ?? 'active'],
  );
  return { id: rows[0].id as string, slug, organization: slug };
}
