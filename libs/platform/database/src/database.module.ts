import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { HearthConfig } from '@hearth/platform-core';
import { HEARTH_CONFIG } from '@hearth/platform-core';
import { createDataSource, type SchemaParts } from './data-source';
import { APP_DATA_SOURCE, TransactionManager } from './transaction-manager';
import { AuditLog } from './audit-log';
import { Outbox } from './outbox';

/** Provides the app-role DataSource and the services every module uses to touch data. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  static forRoot(parts: SchemaParts): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: APP_DATA_SOURCE,
          inject: [HEARTH_CONFIG],
          useFactory: async (config: HearthConfig) => createDataSource(config, 'app', parts).initialize(),
        },
        TransactionManager,
        AuditLog,
        Outbox,
      ],
      exports: [APP_DATA_SOURCE, TransactionManager, AuditLog, Outbox],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
