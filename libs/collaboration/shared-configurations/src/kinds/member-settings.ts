import { Injectable } from '@nestjs/common';
import { AuditLog, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement, ModuleRegistry, resolveModuleSettings, type HearthModuleDefinition } from '@hearth/platform-kernel';
import type { ConfigurationProblem } from './configuration-kind';

export type Settings = Record<string, unknown>;

export type SettingsChange =
  | { ok: true; before: Settings; after: Settings }
  | { ok: false; problems: ConfigurationProblem[] };

/**
 * A member's settings for another module, read and changed through that module's own rules: its
 * settings schema (defaults filled in) and its `checkSettings`, exactly as onboarding checks a
 * manifest. The settings live in the kernel's `tenant_module` row, the same place onboarding
 * writes them; this is the one path in the library that does.
 */
@Injectable()
export class MemberSettings {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly registry: ModuleRegistry,
    private readonly enablement: ModuleEnablement,
    private readonly audit: AuditLog,
  ) {}

  definition(module: string): HearthModuleDefinition {
    const definition = this.registry.get(module);
    if (!definition) throw new Error(`No module "${module}" is installed`);
    return definition;
  }

  /** The member's settings for `module`, with the schema's defaults filled in. */
  read<T extends Settings = Settings>(module: string): Promise<T> {
    return this.enablement.settings<T>(module);
  }

  /** What `change` would make of the member's settings, checked by the module's rules; nothing is written. */
  async check(module: string, change: (settings: Settings) => Settings): Promise<SettingsChange> {
    return this.resolve(module, await this.read(module), change);
  }

  /**
   * Changes the member's settings for `module` as `change` says, if the module's rules accept
   * the result; otherwise changes nothing and says why. The row is locked first, so two changes
   * at once apply one after the other rather than one undoing the other.
   */
  async update(module: string, change: (settings: Settings) => Settings, operation: string): Promise<SettingsChange> {
    const [row] = await this.transactions.query<{ settings: Settings }>(
      `select settings from hearth.tenant_module where module_key = $1 and enabled for update`,
      [module],
    );
    if (!row) return { ok: false, problems: [{ path: '/', message: `The ${this.definition(module).name} module is switched off` }] };
    const current = resolveModuleSettings(this.definition(module), row.settings ?? {});
    if (!current.ok) return { ok: false, problems: current.problems };
    const result = this.resolve(module, current.settings, change);
    if (!result.ok) return result;
    await this.transactions.query(
      `update hearth.tenant_module set settings = $2, updated_at = now() where module_key = $1`,
      [module, JSON.stringify(result.after)],
    );
    // Recorded as onboarding records a settings change, so one history shows every way settings change.
    await this.audit.record({ operation, targetType: 'module', targetId: module, before: { settings: result.before }, after: { settings: result.after } });
    return result;
  }

  private resolve(module: string, before: Settings, change: (settings: Settings) => Settings): SettingsChange {
    const resolved = resolveModuleSettings(this.definition(module), change(structuredClone(before)));
    return resolved.ok ? { ok: true, before, after: resolved.settings } : { ok: false, problems: resolved.problems };
  }
}
