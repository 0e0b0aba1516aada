import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { connectRedis, type TenantJobData } from '@hearth/platform-jobs';
import type { RentRunStatus } from '../rent.entities';
import { RENT_RUNS_QUEUE } from './rent-run-queue';
import { RentRuns, type ExecuteOptions } from './rent-runs.service';

export interface RentRunWorkerOptions {
  /** Runs at once (different members' runs; one member's chunks take turns anyway). */
  concurrency?: number;
  chunkAccounts?: number;
  /**
   * How long a job stays claimed without its worker renewing the claim: after a worker dies,
   * its run is handed to another worker this long later, where it resumes.
   */
  lockDurationMs?: number;
}

/**
 * Runs queued rent runs in the worker. The job carries `{ tenantId, ids: [runId] }` only; the run
 * is read back in that member's context, through row-level security like a request. A worker
 * killed mid-run leaves its job stalled: BullMQ hands it to a worker again once the claim lapses,
 * and the run resumes (see RentRuns.execute).
 */
@Injectable()
export class RentRunProcessor implements OnApplicationShutdown {
  private readonly logger = new Logger(RentRunProcessor.name);
  private worker?: Worker<TenantJobData>;
  private connection?: Redis;
  private chunkAccounts?: number;

  constructor(
    private readonly runs: RentRuns,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  start(options: RentRunWorkerOptions = {}): void {
    this.chunkAccounts = options.chunkAccounts;
    this.connection = connectRedis(this.config.redis.url, 'hearth-rent-runs-worker');
    this.worker = new Worker<TenantJobData>(RENT_RUNS_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency: options.concurrency ?? 2,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs } : {}),
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`rent run ${job?.id} failed: ${error.message}`));
  }

  async process(job: Pick<Job<TenantJobData>, 'data' | 'attemptsMade' | 'opts' | 'updateProgress'>): Promise<RentRunStatus> {
    const { tenantId, ids: [runId] } = job.data;
    const options: ExecuteOptions = {
      chunkAccounts: this.chunkAccounts,
      // Mirrored into the job for queue dashboards; rentRun(id) reads the same counts from the database.
      onProgress: (progress) => job.updateProgress({ ...progress }),
    };
    try {
      return (await this.runs.execute(tenantId, runId, options)).status;
    } catch (error) {
      if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) {
        this.logger.error(`rent run ${runId} gave up: ${(error as Error).stack ?? error}`);
        await this.runs.abandon(
          tenantId,
          runId,
          'Hearth could not finish this run because of a fault on its side, which has been logged. The charges it posted stand; start the period again to post the rest.',
        );
      }
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit();
  }
}
