import IORedis, { type Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

/**
 * A Redis connection as BullMQ needs it: commands wait for a reconnect instead of failing
 * after a few retries (`maxRetriesPerRequest: null`), so a Redis restart delays jobs but
 * loses none.
 */
export function connectRedis(url: string, name: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

/**
 * BullMQ loses jobs when Redis may evict keys (bullmq issues 1046, 2215), so the worker
 * refuses such a Redis rather than lose work quietly. Managed services that hide CONFIG are
 * let through with a warning: their policy must be checked by hand.
 */
export async function assertNoEviction(redis: Redis, warn: (message: string) => void): Promise<void> {
  let policy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    policy = reply[1];
  } catch {
    warn('Could not read Redis maxmemory-policy (CONFIG is disabled); make sure it is noeviction, or jobs can be lost');
    return;
  }
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy}"; BullMQ loses jobs unless it is "noeviction". ` +
        'Set it with `redis-cli config set maxmemory-policy noeviction` (and in redis.conf).',
    );
  }
}
