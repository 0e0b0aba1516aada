import { Inject, Injectable, Logger, type OnApplicationShutdown, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ModuleEnablement, ModuleRegistry, type DeliveredEvent, type EventHandler } from '@hearth/platform-kernel';
import { EVENTS_QUEUE, type TenantJobData } from './queues';
import { REDIS } from './redis-connection';

interface EventRow {
  tenant_id: string;
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** A module's handlers for an event type: the one for the type, then its `'*'` handler (which receives every event). */
export function handlersFor(handles: Record<string, Type<EventHandler>> | undefined, type: string): Type<EventHandler>[] {
  const found = [handles?.[type], handles?.['*']].filter((handler): handler is Type<EventHandler> => Boolean(handler));
  return [...new Set(found)];
}

/**
 * Delivers each relayed event to the handlers modules declared for its type. The job carries
 * only `{ tenantId, ids }`; the event is read back inside that member's context, through the
 * same row-level security as a request, and handlers of switched-off modules are skipped.
 */
@Injectable()
export class EventDispatcher implements OnApplicationShutdown {
  private readonly logger = new Logger(EventDispatcher.name);
  private worker?: Worker<TenantJobData>;
  /** BullMQ blocks on its worker connection, so it gets one of its own (which it does not close). */
  private connection?: Redis;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly registry: ModuleRegistry,
    private readonly enablement: ModuleEnablement,
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  start(concurrency = 4): void {
    this.connection = this.redis.duplicate();
    this.worker = new Worker<TenantJobData>(EVENTS_QUEUE, (job) => this.dispatch(job), {
      connection: this.connection,
      prefix: this.config.redis.prefix,
      concurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.warn(`event ${job?.id} failed: ${error.message}`));
  }

  async dispatch(job: Job<TenantJobData>): Promise<number> {
    const { tenantId, ids } = job.data;
    return this.transactions.run({ actor: systemActor(`event:${job.name}`), tenantId }, async () => {
      const rows = await this.transactions.query<EventRow>(`select * from hearth.outbox_event where id = any($1::uuid[])`, [ids]);
      const enabled = await this.enablement.enabledKeys();
      let delivered = 0;
      for (const row of rows) {
        const event: DeliveredEvent = {
          id: row.id,
          tenantId: row.tenant_id,
          type: row.type,
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          payload: row.payload,
          occurredAt: row.occurred_at.toISOString(),
        };
        for (const definition of this.registry.all()) {
          if (!enabled.has(definition.key)) continue;
          for (const handlerType of handlersFor(definition.events?.handles, row.type)) {
            await this.moduleRef.get<EventHandler>(handlerType, { strict: false }).handle(event);
            delivered += 1;
          }
        }
      }
      return delivered;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
    await this.connection?.quit();
  }
}
