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
}
