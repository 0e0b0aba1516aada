import type { SeedOptions } from '../seed/member-plan';

export interface BenchScale {
  name: 'small' | 'full';
  dataset: SeedOptions;
  /** The page benchmarks use the member whose size is nearest this (the targets speak of 50,000 homes). */
  memberHomes: number;
  /** Each measured load runs this long (after warmupMs), and stops sooner at maxRequests. */
  loadMs: number;
  warmupMs: number;
  maxRequests: number;
  /** Pairs of queries the row-level security comparison times, per query, within rlsMs. */
  rlsPairs: number;
  rlsMs: number;
  /** Dwellings in the import scenario's file. */
  importRows: number;
  /** Webhook fan-out: events committed at once, endpoints each receives them, and how long to wait for the deliveries. */
  webhooks: { events: number; endpoints: number; timeoutMs: number };
}

/**
 * `small` finishes in a few minutes and still has one member near 50,000 homes; `full` is the
 * size the targets are set for: 200 members and 1,000,000 homes.
 */
export const BENCH_SCALES: Record<BenchScale['name'], BenchScale> = {
  small: {
    name: 'small',
    dataset: { tenants: 20, homes: 150_000, seed: 1 },
    memberHomes: 50_000,
    loadMs: 5_000,
    warmupMs: 1_000,
    maxRequests: 20_000,
    rlsPairs: 300,
    rlsMs: 10_000,
    importRows: 50_000,
    webhooks: { events: 1_000, endpoints: 4, timeoutMs: 180_000 },
  },
  full: {
    name: 'full',
    dataset: { tenants: 200, homes: 1_000_000, seed: 1 },
    memberHomes: 50_000,
    loadMs: 15_000,
    warmupMs: 2_000,
    maxRequests: 100_000,
    rlsPairs: 1_000,
    rlsMs: 30_000,
    importRows: 50_000,
    webhooks: { events: 5_000, endpoints: 4, timeoutMs: 600_000 },
  },
};

/** Concurrent clients for the API-against-SQL comparison; the targets are set at 32. */
export const CONCURRENCY_LEVELS = [1, 8, 32];
