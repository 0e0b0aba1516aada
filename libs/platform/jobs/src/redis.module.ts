import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { connectRedis, REDIS } from './redis-connection';
import { Readiness } from './readiness';

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [HEARTH_CONFIG],
      useFactory: (config: HearthConfig) => connectRedis(config.redis.url, 'hearth'),
    },
    Readiness,
  ],
  exports: [REDIS, Readiness],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
