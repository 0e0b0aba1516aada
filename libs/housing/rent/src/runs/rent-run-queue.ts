import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { connectRedis, KEEP_COMPLETED, KEEP_FAILED, type TenantJobData } from '@hearth/platform-jobs';
import type { DeliveredEvent, EventHandler } from '@hearth/platform-kernel';

/** BullMQ queue of rent runs: `{ tenantId, ids: [runId] }`, the run id as job id. */
export const RENT_RUNS_QUEUE = 'hearth-rent-runs';

/**
 * Adds rent runs to their queue. It connects to Redis on first use, so processes that never
 * queue a run never connect.
 */
@Injectable()
export class RentRunQueue implements OnApplicationShutdown {
  private queue?: Queue<TenantJobData>;
  private connection?: Redis;

  constructor(@Inject(HEARTH_CONFIG) private readonly config: HearthConfig) {}

  /** The run id is the job id, so queueing a run twice (a redelivered event) adds one job. */
  async add(tenantId: string, runId: string): Promise<void> {
    if (!this.queue) {
      this.connection = connectRedis(this.config.redis.url, 'hearth-rent-runs');
      this.queue = new Queue<TenantJobData>(RENT_RUNS_QUEUE, { connection: this.connection, prefix: this.config.redis.prefix });
    }
    await this.queue.add(
      'rent-run',
      { tenantId, ids: [runId] },
      { jobId: runId, attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
    await this.connection?.quit();
  }
}

/** Queues a run once the transaction that started it has committed (the event comes through the outbox). */
@Injectable()
export class RentRunQueuedHandler implements EventHandler {
  constructor(private readonly queue: RentRunQueue) {}

  async handle(event: DeliveredEvent): Promise<void> {
    await this.queue.add(event.tenantId, event.aggregateId);
  }
}
