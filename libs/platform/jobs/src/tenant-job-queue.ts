import type { OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { HearthConfig } from '@hearth/platform-core';
import type { DeliveredEvent, EventHandler } from '@hearth/platform-kernel';
import { KEEP_COMPLETED, KEEP_FAILED, type TenantJobData } from './queues';
import { connectRedis } from './redis-connection';

/**
 * A queue of one kind of record a worker processes (an import run, a rent run): each job is
 * `{ tenantId, ids: [id] }` with the record's id as the job id, so queueing a record twice (a
 * redelivered event) adds one job. It connects to Redis on first use, so processes that never
 * queue one never connect. A module subclasses it with its queue's name.
 */
export abstract class TenantJobQueue implements OnApplicationShutdown {
  private queue?: Queue<TenantJobData>;
  private connection?: Redis;

  protected constructor(
    private readonly config: HearthConfig,
    private readonly queueName: string,
    private readonly jobName: string,
  ) {}

  async add(tenantId: string, id: string): Promise<void> {
    if (!this.queue) {
      this.connection = connectRedis(this.config.redis.url, this.queueName);
      this.queue = new Queue<TenantJobData>(this.queueName, { connection: this.connection, prefix: this.config.redis.prefix });
    }
    await this.queue.add(
      this.jobName,
      { tenantId, ids: [id] },
      { jobId: id, attempts: 3, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
    await this.connection?.quit();
  }
}

/**
 * Queues the record an event names once the transaction that started it has committed: the
 * request writes the record and the event together, and the event comes through the outbox.
 */
export abstract class QueueOnEvent implements EventHandler {
  protected constructor(private readonly queue: TenantJobQueue) {}

  async handle(event: DeliveredEvent): Promise<void> {
    await this.queue.add(event.tenantId, event.aggregateId);
  }
}
