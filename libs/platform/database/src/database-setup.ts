import { Client } from 'pg';
import type { HearthConfig } from '@hearth/platform-core';
import { DB_APP_ROLE, DB_OWNER_ROLE } from '@hearth/platform-core';
import { createDataSource, type SchemaParts } from './data-source';

/** Role that owns the outbox relay's functions; it can bypass RLS but can never log in. */
export const DB_RELAY_ROLE = 'hearth_relay';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string) => `'${value.replace(/'/g, "''")}'`;

async function withClient<T>(connectionString: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function adminUrlFor(config: HearthConfig, database: string): string {
  const url = new URL(config.database.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Creates the roles, the database and its schemas. Idempotent: every step checks first, so
 * running it again (or on every `npm start`) changes nothing. Returns what it did.
 */
export async function setupDatabase(config: HearthConfig, database = config.database.name): Promise<string[]> {
  const done: string[] = [];
  await withClient(config.database.adminUrl, async (admin) => {
    const roles: Array<[string, string]> = [
      [DB_OWNER_ROLE, `login nosuperuser nocreatedb nocreaterole nobypassrls`],
      [DB_APP_ROLE, `login nosuperuser nocreatedb nocreaterole nobypassrls noinherit`],
      [DB_RELAY_ROLE, `nologin nosuperuser bypassrls`],
    ];
    for (const [role, attributes] of roles) {
      const exists = await admin.query('select 1 from pg_roles where rolname = $1', [role]);
      if (!exists.rowCount) {
        await admin.query(`create role ${quoteIdent(role)} ${attributes}`);
        done.push(`created role ${role}`);
      } else {
        // Re-assert the attributes, so a role someone loosened by hand is tightened again.
        await admin.query(`alter role ${quoteIdent(role)} ${attributes}`);
      }
    }
    for (const [role, password] of [
      [DB_OWNER_ROLE, config.database.owner.password],
      [DB_APP_ROLE, config.database.app.password],
    ] as const) {
      if (password) await admin.query(`alter role ${quoteIdent(role)} password ${quoteLiteral(password)}`);
    }
    // Lets migrations hand the relay's functions to hearth_relay.
    await admin.query(`grant ${quoteIdent(DB_RELAY_ROLE)} to ${quoteIdent(DB_OWNER_ROLE)}`);

    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (!exists.rowCount) {
      await admin.query(`create database ${quoteIdent(database)} owner ${quoteIdent(DB_OWNER_ROLE)}`);
      done.push(`created database ${database}`);
    }
  });

  await withClient(adminUrlFor(config, database), async (admin) => {
    const statements = [
      `revoke create on schema public from public`,
      `revoke all on database ${quoteIdent(database)} from public`,
      `grant connect on database ${quoteIdent(database)} to ${DB_OWNER_ROLE}, ${DB_APP_ROLE}`,
      `create schema if not exists hearth authorization ${DB_OWNER_ROLE}`,
      `create schema if not exists hearth_admin authorization ${DB_OWNER_ROLE}`,
      `revoke all on schema hearth_admin from public`,
      `grant usage on schema hearth to ${DB_APP_ROLE}`,
      // Extensions the housing modules need: trigram search, exclusion constraints on ranges,
      // and GIN indexes that lead with tenant_id (btree_gin).
      `create extension if not exists pg_trgm with schema public`,
      `create extension if not exists btree_gist with schema public`,
      `create extension if not exists btree_gin with schema public`,
      // Under row-level security PostgreSQL uses an index only for leakproof operators, and
      // pg_trgm's are not marked so: without this every trigram search reads all of a
      // member's rows (ADR 10). They raise no data-dependent errors, so nothing can leak.
      `alter function public.similarity_op(text, text) leakproof`,
      `alter function public.word_similarity_op(text, text) leakproof`,
      `alter function public.word_similarity_commutator_op(text, text) leakproof`,
      // Every table and sequence the owner creates in `hearth` is usable by the app role;
      // row-level security, not table grants, decides which rows.
      `alter default privileges for role ${DB_OWNER_ROLE} in schema hearth
         grant select, insert, update, delete on tables to ${DB_APP_ROLE}`,
      `alter default privileges for role ${DB_OWNER_ROLE} in schema hearth
         grant usage, select on sequences to ${DB_APP_ROLE}`,
    ];
    for (const statement of statements) await admin.query(statement);
  });
  return done;
}

/** Runs pending migrations as `hearth_owner`, all in one transaction. Returns their names. */
export async function migrateDatabase(config: HearthConfig, parts: SchemaParts, database?: string): Promise<string[]> {
  const dataSource = createDataSource(config, 'owner', parts, { database });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export async function dropDatabase(config: HearthConfig, database: string): Promise<void> {
  await withClient(config.database.adminUrl, (admin) =>
    admin.query(`drop database if exists ${quoteIdent(database)} with (force)`),
  );
}

export async function cloneDatabase(config: HearthConfig, template: string, database: string): Promise<void> {
  await withClient(config.database.adminUrl, (admin) =>
    admin.query(`create database ${quoteIdent(database)} template ${quoteIdent(template)} owner ${DB_OWNER_ROLE}`),
  );
}
