import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import IORedis, { type Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';

export const REDIS = Symbol('REDIS');

/**
 * A Redis connection as BullMQ needs it: commands wait for a reconnect instead of failing
 * after a few retries (`maxRetriesPerRequest: null`), so a Redis restart delays jobs but
 * loses none.
 */
export function connectRedis(url: string, name: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null, connectionName: name, lazyConnect: false });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [HEARTH_CONFIG],
      useFactory: (config: HearthConfig) => connectRedis(config.redis.url, 'hearth'),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
