import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { hearthContext, TenantModuleEntity, TransactionManager } from '@hearth/platform-database';
import { ModuleRegistry } from './module-registry';
import { resolveModuleSettings } from './module-settings';

const ENABLED_KEYS = Symbol('enabled module keys');

/** Answers "is this module on for the current member?", once per unit of work. */
@Injectable()
export class ModuleEnablement {
  constructor(
    private readonly registry: ModuleRegistry,
    private readonly transactions: TransactionManager,
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
}
