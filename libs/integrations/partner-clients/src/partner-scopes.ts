import type { ModuleRegistry } from '@hearth/platform-kernel';
import { PartnerScope, PartnerScopePermission } from './partner-client.model';

/**
 * The scopes a partner client may be granted: every scope any installed module's permissions
 * name, each with the permissions it opens. A scope no permission names opens nothing, so it
 * cannot be granted.
 */
export function partnerScopeCatalogue(registry: ModuleRegistry): PartnerScope[] {
  const byScope = new Map<string, PartnerScopePermission[]>();
  for (const module of registry.all()) {
    for (const [permission, definition] of Object.entries(module.permissions ?? {})) {
      for (const scope of definition.scopes ?? []) {
        const entry = Object.assign(new PartnerScopePermission(), { module: module.key, permission, description: definition.description });
        byScope.set(scope, [...(byScope.get(scope) ?? []), entry]);
      }
    }
  }
  return [...byScope.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([scope, permissions]) => Object.assign(new PartnerScope(), { scope, permissions }));
}

/** `Acme Repairs (North)` → `acme-repairs-north`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
