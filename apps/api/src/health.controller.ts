import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@hearth/platform-auth';
import { Readiness, type ReadinessReport } from '@hearth/platform-jobs';

/** Liveness says the process runs; readiness says it can serve (PostgreSQL and Redis answer). */
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: Readiness) {}

  @Get('live')
  @Public()
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.readiness.check();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
