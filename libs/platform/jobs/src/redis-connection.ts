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
