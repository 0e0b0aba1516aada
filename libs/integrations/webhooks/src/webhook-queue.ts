import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { connectRedis, KEEP_FAILED, type TenantJobData } from '@hearth/platform-jobs';
import { WEBHOOKS_QUEUE } from './webhooks.permissions';

/**
 * A delivery's job id: the delivery and the attempt it is for, so however many times one attempt
 * is queued (fan-out redelivered, the sweep, a replay clicked twice) BullMQ holds one job.
 * `after` names what queued it when a finished earlier delivery releases a later one.
 */
export function deliveryJobId(deliveryId: string, attempt: number, after?: string): string {
  return after ? `${deliveryId}.${attempt}.after.${after}` : `${deliveryId}.${attempt}`;
}

const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'prioritized', 'waiting-children']);

/**
 * The queue of webhook deliveries. BullMQ is only the clock: each job carries
 * `{ tenantId, ids: [deliveryId] }`, and the delivery row decides whether and what to send.
 * Completed jobs are removed at once, so a later job for the same attempt (a postponed delivery
 * released) is never mistaken for a duplicate; jobs that could not run at all (the database
 * down) are retried by BullMQ and kept when they give up, for the sweep to find.
 */
@Injectable()
export class WebhookQueue implements OnApplicationShutdown {
  private queue?: Queue<TenantJobData>;
  private connection?: Redis;

  constructor(@Inject(HEARTH_CONFIG) private readonly config: HearthConfig) {}

  private open(): Queue<TenantJobData> {
    if (!this.queue) {
      this.connection = connectRedis(this.config.redis.url, WEBHOOKS_QUEUE);
      this.queue = new Queue<TenantJobData>(WEBHOOKS_QUEUE, { connection: this.connection, prefix: this.config.redis.prefix });
    }
    return this.queue;
  }

  async add(tenantId: string, deliveryId: string, attempt: number, options: { delayMs?: number; after?: string } = {}): Promise<void> {
    await this.open().add(
      'deliver',
      { tenantId, ids: [deliveryId] },
      {
        jobId: deliveryJobId(deliveryId, attempt, options.after),
        delay: Math.max(0, options.delayMs ?? 0),
        attempts: 5,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: true,
        removeOnFail: KEEP_FAILED,
      },
    );
  }

  /** Queues the attempt unless a live job for it exists; a finished or failed one is replaced. Returns whether it queued. */
  async ensure(tenantId: string, deliveryId: string, attempt: number): Promise<boolean> {
    const job = await this.open().getJob(deliveryJobId(deliveryId, attempt));
    if (job) {
      if (LIVE_STATES.has(await job.getState())) return false;
      await job.remove();
    }
    await this.add(tenantId, deliveryId, attempt);
    return true;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
    await this.connection?.quit();
  }
}
