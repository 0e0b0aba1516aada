import { DataSource } from 'typeorm';
import type { HearthConfig } from '@hearth/platform-core';

export type DatabaseRole = 'app' | 'owner';

export interface SchemaParts {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/**
 * A DataSource for one of the two roles. The API and worker only ever use `app`
 * (`hearth_app`: no superuser, no BYPASSRLS, not the owner); migrations use `owner`.
 */
export function createDataSource(
  config: HearthConfig,
  role: DatabaseRole,
  parts: SchemaParts,
  overrides: { database?: string } = {},
): DataSource {
  const credentials = config.database[role];
  return new DataSource({
    type: 'postgres',
    host: config.database.host,
    port: config.database.port,
    database: overrides.database ?? config.database.name,
    username: credentials.user,
    password: credentials.password,
    entities: parts.entities,
    migrations: role === 'owner' ? parts.migrations : [],
    // The migrations table lives in `hearth_admin`, which `hearth_app` cannot see.
    migrationsTableName: 'migrations',
    schema: role === 'owner' ? 'hearth_admin' : 'hearth',
    migrationsTransactionMode: 'all',
    synchronize: false,
    poolSize: role === 'app' ? config.database.poolSize : 2,
    extra: { application_name: `hearth-${role}`, connectionTimeoutMillis: 5_000 },
  });
}
