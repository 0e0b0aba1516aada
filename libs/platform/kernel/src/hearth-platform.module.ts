import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { DatabaseModule } from '@hearth/platform-database';
import { AccessGuard, AuthModule } from '@hearth/platform-auth';
import { ModuleRegistry } from './module-registry';
import { ModuleEnablement } from './module-enablement';
import { ModuleGuard } from './module.guard';
import { ViewerResolver } from './viewer.resolver';
import { ModulesResolver } from './modules.resolver';
import { loggerOptions } from './logging';

export interface HearthPlatformOptions {
  config: HearthConfig;
  /** The modules installed in this deployment (see libs/distribution). */
  modules: readonly Type[];
  /** Names the process in logs: api, worker, cli. */
  process: string;
}

/**
 * The kernel every Hearth process stands on: configuration, logging, the database as
 * `hearth_app`, authentication, and the module registry with its installed modules.
 */
@Global()
@Module({})
export class HearthPlatformModule {
  static forRoot(options: HearthPlatformOptions): DynamicModule {
    const registry = new ModuleRegistry(options.modules);
    return {
      module: HearthPlatformModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(options.config, options.process)),
        DatabaseModule.forRoot(registry.schemaParts()),
        AuthModule,
        ...options.modules,
      ],
      providers: [
        { provide: HEARTH_CONFIG, useValue: options.config },
        { provide: ModuleRegistry, useValue: registry },
        ModuleEnablement,
        // Order matters: who you are and whom you act for first, then whether the module is on.
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_GUARD, useClass: ModuleGuard },
        ViewerResolver,
        ModulesResolver,
      ],
      exports: [HEARTH_CONFIG, ModuleRegistry, ModuleEnablement],
    };
  }
}
