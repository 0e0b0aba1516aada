import type { Redis } from 'ioredis';
import { assertNoEviction, connectRedis } from './redis-connection';

const redisAnswering = (reply: string[] | Error) =>
  ({ config: async () => (reply instanceof Error ? Promise.reject(reply) : reply) }) as unknown as Redis;

describe('assertNoEviction', () => {
  it('accepts the local Redis, which CI configures with noeviction', async () => {
    const redis = connectRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', 'eviction-check');
    try {
      await expect(assertNoEviction(redis, () => undefined)).resolves.toBeUndefined();
    } finally {
      await redis.quit();
    }
  });

  it('refuses an evicting Redis, saying how to fix it', async () => {
    await expect(assertNoEviction(redisAnswering(['maxmemory-policy', 'allkeys-lru']), () => undefined)).rejects.toThrow(
      /"allkeys-lru"; BullMQ loses jobs unless it is "noeviction"/,
    );
  });

  it('warns, rather than refuses, when CONFIG is disabled', async () => {
    const warnings: string[] = [];
    await assertNoEviction(redisAnswering(new Error('unknown command')), (m) => warnings.push(m));
    expect(warnings).toEqual([expect.stringMatching(/CONFIG is disabled/)]);
  });
});
