import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { OUTBOX_CHANNEL, systemActor, TransactionManager } from '@hearth/platform-database';
import { EVENTS_QUEUE, KEEP_COMPLETED, KEEP_FAILED, type TenantJobData } from './queues';
import { REDIS } from './redis-connection';

interface ClaimedEvent {
  tenant_id: string;
  id: string;
  seq: string;
  type: string;
}

const BATCH_SIZE = 500;
const POLL_MS = 2_000;

/**
 * Moves committed outbox rows into BullMQ. The rows are locked while their jobs are added and
 * marked relayed in the same transaction; the job id is the event id, so if the process dies
 * between adding and committing, the next pass re-adds the same ids and BullMQ keeps one.
 */
@Injectable()
export class OutboxRelay implements OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queue: Queue;
  private listener?: Client;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly transactions: TransactionManager,
    @Inject(REDIS) redis: Redis,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {
    this.queue = new Queue(EVENTS_QUEUE, { connection: redis, prefix: config.redis.prefix });
  }

  /** Relays one batch; returns how many events it moved. */
  async relayOnce(batchSize = BATCH_SIZE): Promise<number> {
    return this.transactions.run({ actor: systemActor('outbox-relay') }, async () => {
      const events = await this.transactions.query<ClaimedEvent>(
        `select tenant_id, id, seq, type from hearth.outbox_claim($1)`,
        [batchSize],
      );
      if (!events.length) return 0;
      await this.queue.addBulk(
        events.map((event) => ({
          name: event.type,
          data: { tenantId: event.tenant_id, ids: [event.id] } satisfies TenantJobData,
          opts: { jobId: event.id, attempts: 10, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: KEEP_COMPLETED, removeOnFail: KEEP_FAILED },
        })),
      );
      await this.transactions.query(`select hearth.outbox_mark_relayed($1::bigint[])`, [events.map((e) => e.seq)]);
      return events.length;
    });
  }

  /** Relays until the outbox is empty. */
  async drain(): Promise<number> {
    let total = 0;
    for (let moved = await this.relayOnce(); moved > 0; moved = await this.relayOnce()) total += moved;
    return total;
  }

  /** Relays on every commit that wrote events (LISTEN/NOTIFY), and on a slow poll for anything missed. */
  async start(): Promise<void> {
    this.stopped = false;
    const { database } = this.config;
    this.listener = new Client({
      host: database.host,
      port: database.port,
      database: database.name,
      user: database.app.user,
      password: database.app.password,
      application_name: 'hearth-outbox-relay',
    });
    this.listener.on('error', (error) => this.logger.warn(`outbox listener: ${error.message}`));
    this.listener.on('notification', () => this.kick());
    await this.listener.connect();
    await this.listener.query(`listen ${OUTBOX_CHANNEL}`);
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error) => this.logger.error(`outbox relay failed, will retry: ${(error as Error).message}`))
      .then(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Stops listening and polling, and waits for a pass under way to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
    await this.queue.close();
  }
}
