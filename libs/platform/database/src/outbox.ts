import { Injectable } from '@nestjs/common';
import { hearthContext } from './context/hearth-context';
import { TransactionManager } from './transaction-manager';

export interface DomainEvent {
  /** Dotted, past tense, owned by the module that emits it: `noticeboard.notice.posted`. */
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** The channel that wakes the relay; the poll behind it catches anything a lost notify missed. */
export const OUTBOX_CHANNEL = 'hearth_outbox';

/** Writes events into the current transaction, so they exist exactly when the change commits. */
@Injectable()
export class Outbox {
  constructor(private readonly transactions: TransactionManager) {}

  async publish(event: DomainEvent): Promise<string> {
    const tenantId = hearthContext.require().requireTenantId();
    const [row] = await this.transactions.query<{ id: string }>(
      `with written as (
         insert into hearth.outbox_event (tenant_id, type, aggregate_type, aggregate_id, payload)
         values ($1, $2, $3, $4, $5) returning id
       )
       select id, pg_notify('${OUTBOX_CHANNEL}', '') from written`,
      [tenantId, event.type, event.aggregateType, event.aggregateId, JSON.stringify(event.payload)],
    );
    return row.id;
  }

  /**
   * Publishes one event of a kind per row that `rows` returns, in a single statement, and wakes
   * the relay once. `rows` is a SQL statement yielding `aggregate_id` and `payload` (jsonb); it
   * may be an `update ... returning`, so claiming rows and announcing them are one atomic step.
   * Its placeholders are $1..$n for `parameters`. Returns how many events were written.
   */
  async publishRows(event: Pick<DomainEvent, 'type' | 'aggregateType'>, rows: string, parameters: unknown[] = []): Promise<number> {
    const tenantId = hearthContext.require().requireTenantId();
    const n = parameters.length;
    const [{ published }] = await this.transactions.query<{ published: number }>(
      `with source as (${rows}),
       written as (
         insert into hearth.outbox_event (tenant_id, type, aggregate_type, aggregate_id, payload)
         select $${n + 1}::uuid, $${n + 2}, $${n + 3}, source.aggregate_id::text, source.payload from source
         returning 1
       ),
       counted as (select count(*)::int as published from written)
       select published, (select pg_notify('${OUTBOX_CHANNEL}', '') where published > 0) from counted`,
      [...parameters, tenantId, event.type, event.aggregateType],
    );
    return published;
  }
}
