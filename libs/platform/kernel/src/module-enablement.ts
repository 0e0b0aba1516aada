import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { AuditLog, hearthContext, TenantModuleEntity, TransactionManager } from '@hearth/platform-database';
import { ModuleRegistry } from './module-registry';
import { resolveModuleSettings, type SettingsProblem } from './module-settings';
import type { HearthModuleDefinition } from './hearth-module.decorator';

export type ModuleSettingsValues = Record<string, unknown>;

/** A change to a member's settings for a module: the settings before and after (defaults filled in), or why the module refuses it. */
export type SettingsChange =
  | { ok: true; before: ModuleSettingsValues; after: ModuleSettingsValues }
  | { ok: false; problems: SettingsProblem[] };

/** New settings, or how to make them from the member's settings now (a copy, which it may change). */
export type SettingsUpdate = ModuleSettingsValues | ((settings: ModuleSettingsValues) => ModuleSettingsValues);

const ENABLED_KEYS = Symbol('enabled module keys');

/** Answers "is this module on for the current member?", once per unit of work. */
@Injectable()
export class ModuleEnablement {
  constructor(
    private readonly registry: ModuleRegistry,
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
  ) {}

  /** Keys of the modules switched on for the member bound to this unit of work (core ones included). */
  async enabledKeys(): Promise<ReadonlySet<string>> {
    const context = hearthContext.require();
    return context.memoize(ENABLED_KEYS, async () => {
      const core = this.registry.all().filter((m) => m.core).map((m) => m.key);
      if (!context.tenantId) return new Set(core);
      const rows = await this.transactions.query<{ module_key: string }>(
        `select module_key from hearth.tenant_module where enabled`,
      );
      return new Set([...core, ...rows.map((r) => r.module_key).filter((key) => this.registry.get(key))]);
    });
  }

  async assertEnabled(key: string): Promise<void> {
    const definition = this.registry.get(key);
    if (!definition || definition.core) return;
    hearthContext.require().requireTenantId();
    if (!(await this.enabledKeys()).has(key)) {
      throw new HearthError(
        'MODULE_DISABLED',
        `The ${definition.name} module is switched off for this member. A consortium admin can switch it on.`,
        { module: key },
      );
    }
  }

  /** The member's settings for a module, with the schema's defaults filled in. */
  async settings<T extends Record<string, unknown>>(key: string): Promise<T> {
    const definition = this.registry.get(key);
    if (!definition) throw new Error(`No module "${key}" is installed`);
    const repository = await this.transactions.repository(TenantModuleEntity);
    const row = await repository.findOneBy({ moduleKey: key });
    const resolved = resolveModuleSettings(definition, row?.settings ?? {});
    if (!resolved.ok) {
      throw new HearthError('INTERNAL', `Stored settings for ${key} no longer match its schema`, { problems: resolved.problems });
    }
    return resolved.settings as T;
  }

  /** What `update` would make of the member's settings for a module, checked by its schema and checkSettings; nothing is written. */
  async checkSettings(key: string, update: SettingsUpdate): Promise<SettingsChange> {
    return this.resolveChange(this.definition(key), await this.settings(key), update);
  }

  /**
   * Changes the bound member's settings for a module, if the module's rules (its settings schema,
   * defaults filled in, and checkSettings) accept the result, exactly as onboarding checks a
   * manifest; otherwise changes nothing and says why. The member's row is locked first, so two
   * changes at once apply one after the other rather than one undoing the other. The change is
   * audited as `operation` with the settings before and after, as onboarding records one.
   *
   * This changes the settings in the database, not the member's manifest in `tenants/`.
   */
  async updateSettings(key: string, update: SettingsUpdate, operation = 'updateModuleSettings'): Promise<SettingsChange> {
    const definition = this.definition(key);
    hearthContext.require().requireTenantId();
    const [row] = await this.transactions.query<{ settings: ModuleSettingsValues | null }>(
      `select settings from hearth.tenant_module where module_key = $1 and enabled for update`,
      [key],
    );
    if (!row) return { ok: false, problems: [{ path: '/', message: `The ${definition.name} module is switched off` }] };
    const current = resolveModuleSettings(definition, row.settings ?? {});
    if (!current.ok) return { ok: false, problems: current.problems };
    const result = this.resolveChange(definition, current.settings, update);
    if (!result.ok) return result;
    await this.transactions.query(
      `update hearth.tenant_module set settings = $2, updated_at = now() where module_key = $1`,
      [key, JSON.stringify(result.after)],
    );
    await this.audit.record({ operation, targetType: 'module', targetId: key, before: { settings: result.before }, after: { settings: result.after } });
    return result;
  }

  private definition(key: string): HearthModuleDefinition {
    const definition = this.registry.get(key);
    if (!definition) throw new Error(`No module "${key}" is installed`);
    return definition;
  }

  private resolveChange(definition: HearthModuleDefinition, before: ModuleSettingsValues, update: SettingsUpdate): SettingsChange {
    const next = typeof update === 'function' ? update(structuredClone(before)) : update;
    const resolved = resolveModuleSettings(definition, next);
    return resolved.ok ? { ok: true, before, after: resolved.settings } : { ok: false, problems: resolved.problems };
  }
}
