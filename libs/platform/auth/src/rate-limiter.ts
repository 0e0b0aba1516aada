import { Logger } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';

/** What one counted request learned about its window (the figures for the RateLimit-* headers). */
export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
  windowSeconds: number;
}

/**
 * Counts a request and reads the window's state in one step, so concurrent requests (on any
 * number of API processes) can never both take the last place: INCR, start the window's expiry
 * on its first request, answer the count and the time left.
 */
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

type LimiterRedis = Redis & { hearthRateLimit(key: string, windowMs: number): Promise<[number, number]> };

/**
 * Fixed-window request counters in Redis, one key per client (or person) per window. If Redis
 * cannot be reached the request is let through and a warning logged: an outage of the counter
 * should not take the API down with it.
 */
export class RateLimiter {
  private readonly logger = new Logger('RateLimiter');
  private redis?: LimiterRedis;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
  ) {}

  async consume(key: string, limit: number, windowSeconds: number): Promise<RateLimitDecision> {
    const windowMs = windowSeconds * 1000;
    let count: number;
    let ttl: number;
    try {
      [count, ttl] = await this.connection().hearthRateLimit(`${this.prefix}:ratelimit:${key}`, windowMs);
    } catch (error) {
      this.logger.warn(`Rate limit not counted (${(error as Error).message}); letting the request through`);
      return { allowed: true, limit, remaining: limit, resetSeconds: windowSeconds, windowSeconds };
    }
    return {
      allowed: count <= limit,
      limit,
      remaining: Math.max(0, limit - count),
      resetSeconds: Math.max(1, Math.ceil(ttl / 1000)),
      windowSeconds,
    };
  }

  async close(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  private connection(): LimiterRedis {
    if (!this.redis) {
      // Fail fast rather than queue: a request should not wait on a Redis that is down.
      const redis = new IORedis(this.url, {
        connectionName: 'hearth-rate-limits',
        maxRetriesPerRequest: 1,
        enableOfflineQueue: true,
        connectTimeout: 2_000,
        commandTimeout: 2_000,
      });
      redis.on('error', () => undefined); // reported per request by consume()
      redis.defineCommand('hearthRateLimit', { numberOfKeys: 1, lua: CONSUME });
      this.redis = redis as LimiterRedis;
    }
    return this.redis;
  }
}
