import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ModuleRegistry } from '@hearth/platform-kernel';
import type { ConfigurationKindHandler } from './configuration-kind';
import { ArrearsStagePlanKind } from './arrears-stage-plan.kind';
import { LetterTemplateKind } from './letter-template.kind';
import { RepairPrioritiesKind } from './repair-priorities.kind';
import { SorSetKind } from './sor-set.kind';

/**
 * Every kind of configuration the library knows, in the order the console offers them. A kind
 * is a provider implementing ConfigurationKindHandler; add its class here (and to the module's
 * providers, which this list is) to make it publishable.
 */
export const CONFIGURATION_KINDS: readonly Type<ConfigurationKindHandler>[] = [RepairPrioritiesKind, SorSetKind, LetterTemplateKind, ArrearsStagePlanKind];

const KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The kinds whose owning module this deployment installs, by key. A bad declaration stops startup. */
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

  private load(): Map<string, ConfigurationKindHandler> {
    if (this.byKey) return this.byKey;
    const byKey = new Map<string, ConfigurationKindHandler>();
    for (const type of CONFIGURATION_KINDS) {
      const kind = this.moduleRef.get(type, { strict: false });
      if (!KEY.test(kind.key)) throw new Error(`Configuration kind "${kind.key}" must be lower-case words joined by hyphens`);
      if (byKey.has(kind.key)) throw new Error(`Two configuration kinds declare the key "${kind.key}"`);
      // A deployment without the owning module has none of its configuration to share.
      if (this.registry.get(kind.module)) byKey.set(kind.key, kind);
    }
    this.byKey = byKey;
    return byKey;
  }
}
