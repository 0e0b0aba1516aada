import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { connectRedis, type TenantJobData } from '@hearth/platform-jobs';
import { ImportRuns } from './import-runs.service';
import { IMPORTS_QUEUE } from './imports.permissions';
import type { ImportRunStatus } from './import.model';

/**
 * Runs queued imports in the worker. The job carries `{ tenantId, ids: [runId] }` only; the run
 * is read back in that member's context, through row-level security like a request.
 */
@Injectable()
export class ImportProcessor implements OnApplicationShutdown {
  private readonly logger = new Logger(ImportProcessor.name);
  private worker?: Worker<TenantJobData>;
  private connection?: Redis;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly runs: ImportRuns,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  /** Imports are heavy, and one member's run one at a time anyway, so a worker takes two at once. */
  start(concurrency = 2): void {
    this.connection = connectRedis(this.config.redis.url, 'hearth-imports-worker');
    this.worker = new Worker<TenantJobData>(IMPORTS_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`import ${job?.id} failed: ${error.message}`));
  }

  async process(job: Job<TenantJobData>): Promise<ImportRunStatus> {
    const { tenantId, ids: [runId] } = job.data;
    const actor = systemActor('imports');
    try {
      const run = await this.transactions.run({ actor, tenantId }, () =>
        // Mirrored into the job for queue dashboards; importRun(id) reads the same from the database.
        this.runs.execute(runId, (progress) => job.updateProgress({ ...progress })),
      );
      return run.status;
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        this.logger.error(`import run ${runId} gave up: ${(error as Error).stack ?? error}`);
        await this.transactions.run({ actor, tenantId }, () => this.runs.abandon(runId));
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit();
  }
}
