import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ModuleRegistry } from '@hearth/platform-kernel';
import type { ConfigurationKindHandler } from './configuration-kind';

const KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Every kind of configuration the installed modules declare (`configurationKinds` in their
 * @HearthModule), by key, in the order the console offers them: the modules' order, then each
 * module's. A kind whose module this deployment does not install is not here, since its
 * declaration is not. A bad declaration stops startup.
 */
@Injectable()
export class ConfigurationKinds implements OnModuleInit {
  private byKey?: Map<string, ConfigurationKindHandler>;

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly registry: ModuleRegistry,
  ) {}

  onModuleInit(): void {
    this.load();
  }

  all(): ConfigurationKindHandler[] {
    return [...this.load().values()];
  }

  get(key: string): ConfigurationKindHandler | undefined {
    return this.load().get(key);
  }

  /** Kinds are providers of their own modules: every provider exists by the time modules initialise. */
  private load(): Map<string, ConfigurationKindHandler> {
    if (this.byKey) return this.byKey;
    const byKey = new Map<string, ConfigurationKindHandler>();
    for (const module of this.registry.all()) {
      for (const type of module.configurationKinds ?? []) {
        const kind = this.moduleRef.get<ConfigurationKindHandler>(type, { strict: false });
        const where = `Configuration kind "${kind.key}" of module "${module.key}"`;
        if (!KEY.test(kind.key)) throw new Error(`${where}: the key must be lower-case words joined by hyphens`);
        if (kind.module !== module.key) throw new Error(`${where} names the module "${kind.module}": a module declares only its own kinds`);
        if (byKey.has(kind.key)) throw new Error(`Two configuration kinds declare the key "${kind.key}"`);
        byKey.set(kind.key, kind);
      }
    }
    this.byKey = byKey;
    return byKey;
  }
}
