import { Client } from 'pg';
import type { HearthConfig } from '@hearth/platform-core';
import { REGISTER_TABLES } from './register-sql';

/**
 * Refreshes the planner's statistics on the register after a bulk load, so the first queries
 * against a new dataset are planned for its real size rather than for empty tables. ANALYZE
 * needs the tables' owner; it reads no rows on anyone's behalf, so it is no way round
 * row-level security.
 */
export async function analyzeRegister(config: HearthConfig, database = config.database.name): Promise<void> {
  const owner = new Client({
    host: config.database.host,
    port: config.database.port,
    database,
    user: config.database.owner.user,
    password: config.database.owner.password,
  });
  await owner.connect();
  try {
    await owner.query(`analyze ${['tenant', 'tenant_module', ...REGISTER_TABLES].map((table) => `hearth.${table}`).join(', ')}`);
  } finally {
    await owner.end();
  }
}
