import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { connectRedis, KEEP_FAILED } from '@hearth/platform-jobs';
import type { QueueProcessor } from '@hearth/platform-kernel';
import { RELEASE_EVERY_MS, RELEASE_NO_SHOWS_JOB, SPACES_QUEUE } from '../spaces.permissions';
import { BookingsService } from './bookings.service';

export interface ReleaseRun {
  released: string[];
}

/**
 * Releases no-shows in the worker: a BullMQ job scheduler fires `spaces.release-no-shows` every
 * minute (once, however many workers run), and the job releases every organisation's overdue
 * bookings at once. Modules' `schedules` run per member, and guests are no member, so this one
 * job covers everyone, as a system actor in consortium mode.
 */
@Injectable()
export class NoShowReleaseProcessor implements QueueProcessor, OnApplicationShutdown {
  private readonly logger = new Logger(NoShowReleaseProcessor.name);
  private queue?: Queue;
  private worker?: Worker;
  private connections: Redis[] = [];

  constructor(
    private readonly transactions: TransactionManager,
    private readonly bookings: BookingsService,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  start(options: { every?: number } = {}): void {
    const connection = (name: string) => {
      const redis = connectRedis(this.config.redis.url, name);
      this.connections.push(redis);
      return redis;
    };
    this.queue = new Queue(SPACES_QUEUE, { connection: connection(SPACES_QUEUE), prefix: this.config.redis.prefix });
    this.queue
      .upsertJobScheduler(RELEASE_NO_SHOWS_JOB, { every: options.every ?? RELEASE_EVERY_MS }, {
        name: RELEASE_NO_SHOWS_JOB,
        data: { tenantId: '', ids: [] },
        opts: { removeOnComplete: { count: 100 }, removeOnFail: KEEP_FAILED },
      })
      .catch((error: Error) => this.logger.error(`could not schedule ${RELEASE_NO_SHOWS_JOB}: ${error.message}`));
    this.worker = new Worker(SPACES_QUEUE, () => this.run(), {
      connection: connection(`${SPACES_QUEUE}-worker`),
      prefix: this.config.redis.prefix,
      concurrency: 1,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`${job?.name} failed: ${error.message}`));
  }

  /** One release, in a unit of work of its own. */
  async run(): Promise<ReleaseRun> {
    const released = await this.transactions.run({ actor: systemActor(RELEASE_NO_SHOWS_JOB) }, () => this.bookings.releaseNoShows());
    if (released.length) this.logger.log(`released ${released.length} bookings nobody checked in`);
    return { released };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.queue?.close();
    await Promise.all(this.connections.map((redis) => redis.quit()));
  }
}
