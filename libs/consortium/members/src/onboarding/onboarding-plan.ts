import type { TenantEntity } from '@hearth/platform-database';
import type { ManifestAdmin } from './member-manifest';
import type { ModuleSettings, ValidManifest } from './manifest-validation';

/** The member-registry fields a manifest sets, under the names the manifest uses. */
export interface MemberFields {
  name: string;
  nameCy: string | null;
  registrationNumber: string;
  country: TenantEntity['country'];
  languages: TenantEntity['languages'];
  'keycloak.organization': string;
}

export interface ModuleRow {
  enabled: boolean;
  settings: ModuleSettings;
}

/** What the database holds for one member: its registry row, module rows and the admins it has invited. */
export interface MemberState {
  tenant: TenantEntity;
  modules: ReadonlyMap<string, ModuleRow>;
  /** Lower-case e-mails of the first admins already invited. */
  invitedAdmins: ReadonlySet<string>;
}

/** One change to one member; each becomes one audit entry. */
export type MemberChange =
  | { kind: 'create'; fields: MemberFields }
  | { kind: 'field'; field: keyof MemberFields; before: unknown; after: unknown }
  | { kind: 'module-on'; module: string; settings: ModuleSettings }
  | { kind: 'module-off'; module: string; settings: ModuleSettings }
  | { kind: 'module-settings'; module: string; before: ModuleSettings; after: ModuleSettings }
  | { kind: 'invite-admin'; admin: ManifestAdmin };

export interface MemberPlan {
  slug: string;
  changes: MemberChange[];
}

export function fieldsOf(manifest: ValidManifest['manifest']): MemberFields {
  return {
    name: manifest.name,
    nameCy: manifest.nameCy ?? null,
    registrationNumber: manifest.registrationNumber,
    country: manifest.country,
    languages: manifest.languages,
    'keycloak.organization': manifest.keycloak.organization,
  };
}

export function fieldsOfTenant(tenant: TenantEntity): MemberFields {
  return {
    name: tenant.name,
    nameCy: tenant.nameCy,
    registrationNumber: tenant.registrationNumber,
    country: tenant.country,
    languages: tenant.languages,
    'keycloak.organization': tenant.keycloakOrganization,
  };
}

/** The changes that make the database say what the manifest says, and nothing else. */
export function planMember(desired: ValidManifest, current: MemberState | undefined, coreModules: ReadonlySet<string>): MemberPlan {
  const { manifest } = desired;
  const fields = fieldsOf(manifest);
  const changes: MemberChange[] = [];
  if (!current) {
    changes.push({ kind: 'create', fields });
  } else {
    const before = fieldsOfTenant(current.tenant);
    for (const field of Object.keys(fields) as (keyof MemberFields)[]) {
      if (!sameJson(before[field], fields[field])) {
        changes.push({ kind: 'field', field, before: before[field], after: fields[field] });
      }
    }
  }
  changes.push(...planModules(desired.modules, current?.modules ?? new Map(), coreModules));
  for (const admin of manifest.admins) {
    if (!current?.invitedAdmins.has(admin.email.toLowerCase())) changes.push({ kind: 'invite-admin', admin });
  }
  return { slug: manifest.slug, changes };
}

/**
 * Module changes from the rows held to the modules wanted. A module no longer wanted is switched
 * off with its settings kept, so switching it back on loses nothing; core modules are never
 * switched off.
 */
export function planModules(
  wanted: ReadonlyMap<string, ModuleSettings>,
  held: ReadonlyMap<string, ModuleRow>,
  coreModules: ReadonlySet<string>,
): MemberChange[] {
  const changes: MemberChange[] = [];
  for (const [module, settings] of wanted) {
    const row = held.get(module);
    if (!row) {
      changes.push({ kind: 'module-on', module, settings });
      continue;
    }
    if (!row.enabled) changes.push({ kind: 'module-on', module, settings: row.settings });
    if (!sameJson(row.settings, settings)) {
      changes.push({ kind: 'module-settings', module, before: row.settings, after: settings });
    }
  }
  for (const [module, row] of held) {
    if (row.enabled && !wanted.has(module) && !coreModules.has(module)) {
      changes.push({ kind: 'module-off', module, settings: row.settings });
    }
  }
  return changes;
}

/** One line per change, as the CLI prints them and GraphQL returns them. */
export function describeChange(slug: string, change: MemberChange): string {
  switch (change.kind) {
    case 'create':
      return `+ member ${slug} (${change.fields.name}, ${change.fields.country})`;
    case 'field':
      return `~ ${slug}: ${change.field} ${JSON.stringify(change.before)} → ${JSON.stringify(change.after)}`;
    case 'module-on': {
      const settings = formatSettings(change.settings);
      return `~ ${slug}: module ${change.module} on${settings ? ` (${settings})` : ''}`;
    }
    case 'module-off':
      return `~ ${slug}: module ${change.module} off (settings kept)`;
    case 'module-settings':
      return `~ ${slug}: module ${change.module} settings ${settingsDiff(change.before, change.after)}`;
    case 'invite-admin':
      return `+ ${slug}: invite admin ${change.admin.email} (${change.admin.firstName} ${change.admin.lastName})`;
  }
}

export function describePlan(plan: MemberPlan): string[] {
  return plan.changes.length ? plan.changes.map((change) => describeChange(plan.slug, change)) : [`= ${plan.slug}: no changes`];
}

function formatSettings(settings: ModuleSettings): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}: ${brief(value)}`)
    .join(', ');
}

/** A setting's value on a one-line summary: a long list or object is counted, not spelled out. */
function brief(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length <= 60) return json;
  return Array.isArray(value) ? `[${value.length} items]` : '{…}';
}

function settingsDiff(before: ModuleSettings, after: ModuleSettings): string {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((key) => !sameJson(before[key], after[key]))
    .map((key) => `${key} ${key in before ? brief(before[key]) : 'unset'} → ${key in after ? brief(after[key]) : 'unset'}`)
    .join(', ');
}

/**
 * Compares JSON values as JSON. Key order differs between jsonb and a manifest, and objects
 * built in different realms (ajv's clone, pg's parser under jest) differ in prototype; neither
 * is a change.
 */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
