import 'reflect-metadata';
import { Module, type ModuleMetadata, type Type } from '@nestjs/common';
import type { Importer } from './importer';
import type { PrivateDataProbe, ShareableConfigurationKind } from './shareable-configuration';

/** A named permission: what it allows, and who holds it (people by role, partners by scope). */
export interface PermissionDefinition {
  description: string;
  roles: readonly string[];
  scopes?: readonly string[];
}

export interface DeliveredEvent {
  id: string;
  tenantId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

/**
 * Handles one event type. The dispatcher calls it inside the event's member context, in a
 * transaction of its own; BullMQ delivers at least once, so handlers must be idempotent.
 */
export interface EventHandler {
  handle(event: DeliveredEvent): Promise<void>;
}

/** A BullMQ worker a module runs in the worker process (imports, rent runs): started once the worker is up. */
export interface QueueProcessor {
  start(): void;
}

/** Work a module does on a timer for each member that has it on (escalation, reminders). */
export interface ScheduledTask {
  /** Runs inside the member's unit of work (system actor, the member bound); returns a summary for the job log. */
  run(): Promise<unknown>;
}

/**
 * A task the worker runs every `every` milliseconds for each member with the module on. The
 * job is named `<module key>.<key>` and carries `{ tenantId, ids: [] }`.
 */
export interface ModuleSchedule {
  /** Lower-case words joined by hyphens, unique within the module. */
  key: string;
  description: string;
  every: number;
  task: Type<ScheduledTask>;
}

export interface ConsoleRoute {
  path: string;
  title: { en: string; cy: string };
  roles: readonly string[];
}

/**
 * Everything a module adds to Hearth, in one typed declaration: Nest's module metadata plus
 * what the platform needs to know to install, switch on and describe it.
 */
export interface HearthModuleDefinition extends ModuleMetadata {
  /** Stable identifier used in manifests and the API: lower-case words joined by hyphens. */
  key: string;
  name: string;
  description: string;
  /** Semantic version of the module. */
  version: string;
  /** Keys of modules that must be on for a member before this one can be. */
  dependsOn?: readonly string[];
  /** A core module is on for every member and cannot be switched off. */
  core?: boolean;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities?: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations?: Function[];
  /** GraphQL resolvers; while the module is off for a member, their operations answer MODULE_DISABLED. */
  resolvers?: Type[];
  permissions?: Record<string, PermissionDefinition>;
  /** JSON Schema (draft 2020-12) for the member's settings; defaults are applied from it. */
  settings?: Record<string, unknown>;
  /**
   * Rules the schema cannot say (codes unique within a list, say), checked after it with the
   * defaults filled in: one problem per broken rule, with a JSON pointer into the settings.
   */
  checkSettings?: (settings: Record<string, unknown>) => { path: string; message: string }[];
  events?: {
    emits?: Record<string, { description: string }>;
    /**
     * Handlers by event type. The key `'*'` receives every event (webhooks' fan-out), after the
     * module's handler for that event's own type, if it has one.
     */
    handles?: Record<string, Type<EventHandler>>;
  };
  /** Bulk imports of CSV files into this module's tables, one per kind (see importer.ts). */
  importers?: Type<Importer>[];
  /**
   * The kinds of this module's configuration members can share through the shared configuration
   * library (see shareable-configuration.ts), in the order the console offers them. Each is also
   * registered as a provider; its `module` must be this module's key.
   */
  configurationKinds?: Type<ShareableConfigurationKind>[];
  /**
   * What finds this module's register data (people's names, payment references, occupied homes)
   * in configuration about to be published, so it is refused (see shareable-configuration.ts).
   * Each reads only this module's tables and those it depends on; each is also registered as a provider.
   */
  privateDataProbes?: Type<PrivateDataProbe>[];
  /** Timed work per member, run by the worker (see platform-jobs scheduled-jobs.ts). */
  schedules?: ModuleSchedule[];
  /** The module's queue workers, which the worker process starts (they must also be providers). */
  processors?: Type<QueueProcessor>[];
  console?: { routes: ConsoleRoute[] };
}

export const HEARTH_MODULE = Symbol('hearth:module');
export const OWNING_MODULE = Symbol('hearth:owning-module');

/** Declares a Hearth module. The class is also a Nest module, so it imports like any other. */
export function HearthModule(definition: HearthModuleDefinition): ClassDecorator {
  return (target) => {
    const { imports, controllers, exports, providers = [], resolvers = [], importers = [], configurationKinds = [], privateDataProbes = [] } = definition;
    const handlers = Object.values(definition.events?.handles ?? {});
    const tasks = (definition.schedules ?? []).map((schedule) => schedule.task);
    Module({ imports, controllers, exports, providers: [...providers, ...resolvers, ...handlers, ...importers, ...tasks, ...configurationKinds, ...privateDataProbes] })(target);
    Reflect.defineMetadata(HEARTH_MODULE, definition, target);
    for (const resolver of resolvers) Reflect.defineMetadata(OWNING_MODULE, definition.key, resolver);
  };
}

export function moduleDefinitionOf(target: Type): HearthModuleDefinition {
  const definition = Reflect.getMetadata(HEARTH_MODULE, target) as HearthModuleDefinition | undefined;
  if (!definition) throw new Error(`${target.name} is not decorated with @HearthModule`);
  return definition;
}

/** Types a module's permissions so resolvers can use them directly: `@Access(permissions.post)`. */
export function definePermissions<K extends string>(permissions: Record<K, PermissionDefinition>): Record<K, PermissionDefinition> {
  return permissions;
}
