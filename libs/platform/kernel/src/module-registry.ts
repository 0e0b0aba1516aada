import type { Type } from '@nestjs/common';
import { PLATFORM_SCHEMA, type SchemaParts } from '@hearth/platform-database';
import { moduleDefinitionOf, type HearthModuleDefinition } from './hearth-module.decorator';

const KEY_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The modules installed in this deployment (what a member can switch on). Built once at boot;
 * a bad declaration (duplicate key, unknown or circular dependency) stops startup.
 */
export class ModuleRegistry {
  private readonly byKey = new Map<string, HearthModuleDefinition>();

  constructor(readonly moduleClasses: readonly Type[]) {
    for (const moduleClass of moduleClasses) {
      const definition = moduleDefinitionOf(moduleClass);
      if (!KEY_PATTERN.test(definition.key)) {
        throw new Error(`Module key "${definition.key}" must be lower-case words joined by hyphens`);
      }
      if (this.byKey.has(definition.key)) throw new Error(`Two modules declare the key "${definition.key}"`);
      this.byKey.set(definition.key, definition);
    }
    for (const definition of this.byKey.values()) {
      for (const dependency of definition.dependsOn ?? []) {
        if (!this.byKey.has(dependency)) {
          throw new Error(`Module "${definition.key}" depends on "${dependency}", which is not installed`);
        }
      }
    }
    this.assertNoCycles();
  }

  all(): HearthModuleDefinition[] {
    return [...this.byKey.values()];
  }

  get(key: string): HearthModuleDefinition | undefined {
    return this.byKey.get(key);
  }

  /** The kernel's entities and migrations followed by every module's, for the DataSource. */
  schemaParts(): SchemaParts {
    const modules = this.all();
    return {
      entities: [...PLATFORM_SCHEMA.entities, ...modules.flatMap((m) => m.entities ?? [])],
      migrations: [...PLATFORM_SCHEMA.migrations, ...modules.flatMap((m) => m.migrations ?? [])],
    };
  }

  /** The modules `key` needs, directly or through others. */
  dependenciesOf(key: string): string[] {
    const seen = new Set<string>();
    const visit = (k: string) => {
      for (const dependency of this.byKey.get(k)?.dependsOn ?? []) {
        if (!seen.has(dependency)) {
          seen.add(dependency);
          visit(dependency);
        }
      }
    };
    visit(key);
    return [...seen];
  }

  private assertNoCycles(): void {
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (key: string, path: string[]) => {
      if (state.get(key) === 'done') return;
      if (state.get(key) === 'visiting') throw new Error(`Modules depend on each other in a cycle: ${[...path, key].join(' → ')}`);
      state.set(key, 'visiting');
      for (const dependency of this.byKey.get(key)?.dependsOn ?? []) visit(dependency, [...path, key]);
      state.set(key, 'done');
    };
    for (const key of this.byKey.keys()) visit(key, []);
  }
}
