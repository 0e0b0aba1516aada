import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { Public } from '@hearth/platform-auth';
import { APP_DATA_SOURCE } from '@hearth/platform-database';
import { REDIS } from '@hearth/platform-jobs';

const CHECK_TIMEOUT_MS = 2_000;

/** Liveness says the process runs; readiness says it can serve (PostgreSQL and Redis answer). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @Public()
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) res: Response) {
    const [postgres, redis] = await Promise.all([
      check(() => this.dataSource.query('select 1')),
      check(() => this.redis.ping()),
    ]);
    const ready = postgres === 'up' && redis === 'up';
    res.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }
}

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
