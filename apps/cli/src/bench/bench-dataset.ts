import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DB_OWNER_ROLE, type HearthConfig } from '@hearth/platform-core';
import { dropDatabase, migrateDatabase, setupDatabase } from '@hearth/platform-database';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';
import { layoutMember } from '../seed/estate-layout';
import { planMembers, type MemberPlan, type SeedOptions } from '../seed/member-plan';
import { seedDataset } from '../seed/seed-dataset';
import type { SeedRun, SeedSummary } from '../seed/seed.service';
import type { BenchScale } from './bench-scales';

export const WORKSPACE = join(__dirname, '../../../..');

/** A database of the bench's own, kept between runs (drop it with `dropdb hearth_bench_<scale>`). */
const benchDatabaseName = (scale: BenchScale) => `hearth_bench_${scale.name}`;

export interface BenchDataset {
  database: string;
  config: HearthConfig;
  fingerprint: string;
  /** True when the database already held this dataset, built from the same schema and generator. */
  reused: boolean;
  seeded?: SeedSummary;
  /** The member the page benchmarks read, and its patches. */
  member: MemberPlan;
  patches: string[];
}

/** A config that points at another database on the same server. */
function configFor(config: HearthConfig, database: string): HearthConfig {
  return { ...config, database: { ...config.database, name: database } };
}

/** A superuser connection to `database`, for setting up and for the no-RLS baselines. */
export async function adminClient(config: HearthConfig, database: string): Promise<Client> {
  const url = new URL(config.database.adminUrl);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  return client;
}

/**
 * The bench's dataset, built once and reused while nothing it depends on changes: the database
 * is labelled with a fingerprint of the dataset's shape, the generator's code, every migration
 * and db:setup, and rebuilt (setup, migrate, seed, vacuum and analyze) when the label differs.
 */
export async function prepareBenchDataset(config: HearthConfig, scale: BenchScale, run: SeedRun = {}): Promise<BenchDataset> {
  const database = benchDatabaseName(scale);
  const target = configFor(config, database);
  const fingerprint = datasetFingerprint(scale.dataset);
  const label = `hearth bench dataset ${fingerprint}`;
  const reused = (await databaseLabel(config, database)) === label;
  let seeded: SeedSummary | undefined;
  if (!reused) {
    await dropDatabase(config, database);
    await setupDatabase(target);
    await migrateDatabase(target, new ModuleRegistry(INSTALLED_MODULES).schemaParts());
    seeded = await seedDataset(target, scale.dataset, run);
    const admin = await adminClient(config, database);
    try {
      // All-visible pages and fresh statistics: the state a settled production database is in.
      await admin.query('vacuum (analyze)');
      // Written last, so a build that stopped half way is never taken for a finished one.
      await admin.query(`comment on database ${database} is '${label}'`);
    } finally {
      await admin.end();
    }
  }
  const member = memberNearest(scale.dataset, scale.memberHomes);
  return { database, config: target, fingerprint, reused, seeded, member, patches: layoutMember(member).patches };
}

function memberNearest(options: SeedOptions, homes: number): MemberPlan {
  return planMembers(options).reduce((best, m) => (Math.abs(m.homes - homes) < Math.abs(best.homes - homes) ? m : best));
}

async function databaseLabel(config: HearthConfig, database: string): Promise<string | null> {
  const admin = await adminClient(config, 'postgres');
  try {
    const { rows } = await admin.query(`select shobj_description(oid, 'pg_database') as label from pg_database where datname = $1`, [database]);
    return rows[0]?.label ?? null;
  } finally {
    await admin.end();
  }
}

/** A hash of the dataset's shape and of every source file that decides what it holds. */
function datasetFingerprint(options: SeedOptions): string {
  const hash = createHash('sha256').update(JSON.stringify(options));
  const visit = (dir: string, include: (path: string) => boolean) => {
    for (const entry of readdirSync(dir).sort()) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path, include);
      else if (include(path)) hash.update(path).update(readFileSync(path));
    }
  };
  visit(join(WORKSPACE, 'apps/cli/src/seed'), (path) => path.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(path));
  visit(join(WORKSPACE, 'libs'), (path) => /\/migrations\/[^/]+\.ts$/.test(path));
  hash.update(readFileSync(join(WORKSPACE, 'libs/platform/database/src/database-setup.ts')));
  return hash.digest('hex').slice(0, 16);
}

/** Runs `fn` against a freshly set-up and migrated database, and drops the database afterwards, whatever happens. */
export async function withScratchDatabase<T>(config: HearthConfig, database: string, fn: (config: HearthConfig) => Promise<T>): Promise<T> {
  const target = configFor(config, database);
  await dropDatabase(config, database);
  try {
    await setupDatabase(target);
    await migrateDatabase(target, new ModuleRegistry(INSTALLED_MODULES).schemaParts());
    return await fn(target);
  } finally {
    await dropDatabase(config, database);
  }
}

/**
 * Runs `fn` against a copy of the bench dataset (a file copy: much faster than the default
 * WAL-logged copy for a database this size), with a superuser client on it, and drops the copy
 * afterwards, whatever happens: for scenarios that write to the dataset.
 */
export async function withDatasetCopy<T>(
  config: HearthConfig, dataset: BenchDataset, database: string, fn: (copy: HearthConfig, admin: Client) => Promise<T>,
): Promise<T> {
  await dropDatabase(config, database);
  const postgres = await adminClient(config, 'postgres');
  try {
    await postgres.query(`create database ${database} template ${dataset.database} owner ${DB_OWNER_ROLE} strategy file_copy`);
  } finally {
    await postgres.end();
  }
  try {
    const admin = await adminClient(config, database);
    try {
      return await fn(configFor(config, database), admin);
    } finally {
      await admin.end();
    }
  } finally {
    await dropDatabase(config, database);
  }
}
