import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { connectRedis, type TenantJobData } from '@hearth/platform-jobs';
import type { QueueProcessor } from '@hearth/platform-kernel';
import { WebhookDeliveries, type DeliverOutcome } from './webhook-deliveries.service';
import { WEBHOOKS_QUEUE } from './webhooks.permissions';

export interface WebhookWorkerOptions {
  /** Deliveries in flight at once; each holds a database connection for up to 15 s. */
  concurrency?: number;
  /** How long a job stays claimed without its worker renewing the claim (a killed worker's job is retried this long later). */
  lockDurationMs?: number;
}

/** Sends queued webhook deliveries in the worker: one job, one attempt of one delivery. */
@Injectable()
export class WebhookProcessor implements QueueProcessor, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookProcessor.name);
  private worker?: Worker<TenantJobData>;
  private connection?: Redis;

  constructor(
    private readonly deliveries: WebhookDeliveries,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  start(options: WebhookWorkerOptions = {}): void {
    this.connection = connectRedis(this.config.redis.url, 'hearth-webhooks-worker');
    this.worker = new Worker<TenantJobData>(WEBHOOKS_QUEUE, (job) => this.process(job), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency: options.concurrency ?? 8,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs } : {}),
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`webhook job ${job?.id} failed: ${error.message}`));
  }

  process(job: Pick<Job<TenantJobData>, 'data'>): Promise<DeliverOutcome> {
    const { tenantId, ids: [deliveryId] } = job.data;
    return this.deliveries.deliver(tenantId, deliveryId);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit();
  }
}
