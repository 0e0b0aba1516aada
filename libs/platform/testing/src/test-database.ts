import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Client } from 'pg';
import { loadConfig, type HearthConfig } from '@hearth/platform-core';
import { cloneDatabase, dropDatabase, migrateDatabase, setupDatabase, type SchemaParts } from '@hearth/platform-database';

const WORKSPACE = join(__dirname, '../../../..');
/** Templates kept for other migration sets, so concurrent runs of different trees coexist. */
const KEEP_TEMPLATES = 3;

/** Settings for tests: the local services, silent logs, and whatever the test overrides. */
export function testConfig(env: Record<string, string | undefined> = {}): HearthConfig {
  return loadConfig({
    HEARTH_ENV: 'test',
    DB_HOST: process.env.DB_HOST,
    DB_PORT: process.env.DB_PORT,
    DB_ADMIN_URL: process.env.DB_ADMIN_URL,
    REDIS_URL: process.env.REDIS_URL,
    LOG_LEVEL: process.env.LOG_LEVEL,
    ...env,
  });
}

/**
 * The template's name carries a hash of every migration file and of db:setup, so a changed
 * schema gets a fresh template while an unchanged tree reuses the one already built.
 */
export function templateName(): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      // Relative paths: two checkouts of one tree share a template rather than evict each other's.
      else if (dir.endsWith('migrations') && entry.endsWith('.ts')) hash.update(relative(WORKSPACE, path)).update(readFileSync(path));
    }
  };
  visit(join(WORKSPACE, 'libs'));
  // db:setup shapes each database too (extensions, grants, leakproof operators).
  hash.update(readFileSync(join(WORKSPACE, 'libs/platform/database/src/database-setup.ts')));
  return `hearth_tpl_${hash.digest('hex').slice(0, 12)}`;
}

/**
 * Builds the migrated template once per migration set (jest globalSetup calls this with the
 * installed modules' schema parts).
 */
export async function prepareTemplate(parts: SchemaParts): Promise<string> {
  const config = testConfig();
  const name = templateName();
  const admin = new Client({ connectionString: config.database.adminUrl });
  await admin.connect();
  try {
    const existing = await admin.query(
      `select datname from pg_database where datname like 'hearth\\_tpl\\_%' and datname not like '%\\_building' order by oid desc`,
    );
    if (existing.rows.some((row) => row.datname === name)) return name;
    // Templates of older migration sets are dead weight, but another checkout's run may be using
    // a recent one right now: keep the newest few (oids grow with creation) and drop the rest.
    for (const row of existing.rows.slice(KEEP_TEMPLATES - 1)) await dropDatabase(config, row.datname);
  } finally {
    await admin.end();
  }
  const building = `${name}_building`;
  await dropDatabase(config, building);
  await setupDatabase(config, building);
  await migrateDatabase(config, parts, building);
  // Renamed only when complete, so a crashed build is never mistaken for a template.
  const rename = new Client({ connectionString: config.database.adminUrl });
  await rename.connect();
  try {
    await rename.query(`alter database "${building}" rename to "${name}"`);
  } finally {
    await rename.end();
  }
  return name;
}

export interface TestDatabase {
  name: string;
  config: HearthConfig;
  /** A superuser connection for arranging data behind RLS's back; never used to assert isolation. */
  admin: Client;
  /** Another superuser connection of the test's own (to hold a lock while `admin` looks on, say); the caller ends it. */
  connect(): Promise<Client>;
  drop(): Promise<void>;
}

/** A database of this test file's own, cloned from the migrated template in well under a second. */
export async function createTestDatabase(env: Record<string, string> = {}): Promise<TestDatabase> {
  const name = `hearth_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const config = testConfig({ ...env, DB_NAME: name });
  await cloneDatabase(config, templateName(), name);
  const url = new URL(config.database.adminUrl);
  url.pathname = `/${name}`;
  const connect = async () => {
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    return client;
  };
  const admin = await connect();
  return {
    name,
    config,
    admin,
    connect,
    async drop() {
      await admin.end();
      await dropDatabase(config, name);
    },
  };
}
