import { Inject, Injectable, Logger } from '@nestjs/common';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { AuditLog, hearthContext, Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import type { DeliveredEvent } from '@hearth/platform-kernel';
import { postWebhook, type PostOutcome } from './http-post';
import { SecretBox } from './secret-box';
import { signatureHeader } from './signature';
import { checkWebhookUrl } from './url-policy';
import { WebhookQueue } from './webhook-queue';
import { WebhooksEvent } from './webhooks.permissions';

export const USER_AGENT = 'Hearth-Webhooks/1';
/** How far back the fan-out looks for a resource's earlier events not yet fanned out (see fanOut). */
const BACKFILL_WINDOW = '1 hour';
/** The sweep leaves alone deliveries due less than this long ago: their jobs are most likely on the way. */
export const SWEEP_GRACE_MS = 30_000;

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  webhook_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  sequence: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  round_attempts: number;
  due: boolean;
  blocked: boolean;
}

interface EndpointRow {
  id: string;
  url: string;
  status: 'active' | 'disabled';
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_live: boolean;
  failing_since: Date | null;
}

export type DeliverOutcome = 'gone' | 'finished-already' | 'not-due' | 'postponed' | 'endpoint-disabled' | 'succeeded' | 'retrying' | 'failed';

/** A job to queue once the unit of work that decided it has committed. */
type AfterCommit = () => Promise<void>;

/** The exact bytes a delivery sends: the same on every attempt and replay. */
export function webhookBody(row: Pick<DeliveryRow, 'event_type' | 'occurred_at' | 'payload' | 'aggregate_id' | 'aggregate_type'>): string {
  return JSON.stringify({
    type: row.event_type,
    timestamp: new Date(row.occurred_at).toISOString(),
    data: { ...row.payload, id: row.aggregate_id, aggregateType: row.aggregate_type },
  });
}

/**
 * Creating and sending deliveries. The database is the truth: a delivery row says what to send,
 * whether it is due and how it went; BullMQ only says when to look again. Every step is
 * idempotent, so a job run twice, or a worker killed at any point, neither loses a delivery nor
 * shows the receiver anything new but a repeat of a webhook-id it has seen.
 */
@Injectable()
export class WebhookDeliveries {
  private readonly logger = new Logger(WebhookDeliveries.name);
  private readonly box: SecretBox;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly queue: WebhookQueue,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {
    this.box = new SecretBox(config.webhooks.secretKey);
  }

  /**
   * One delivery per active endpoint subscribed to the event, in one set-based statement, in a
   * unit of work of its own so the rows are committed before their jobs can run. An endpoint
   * receives events that occurred after it was created. The statement also fills in the
   * resource's earlier events from the last hour, so a later event fanned out before an earlier
   * one (the dispatcher runs events side by side) still finds its predecessor pending and waits.
   * A redelivered event inserts nothing (`on conflict do nothing`) and re-queues only
   * deliveries never attempted, whose jobs collapse by id. Returns the deliveries queued.
   */
  async fanOut(event: DeliveredEvent): Promise<number> {
    const rows = await this.transactions.run({ actor: systemActor('webhooks.fan-out'), tenantId: event.tenantId }, () =>
      this.transactions.query<{ id: string }>(
        `with event as (select * from hearth.outbox_event where id = $1),
         related as (
           select o.* from event join hearth.outbox_event o
             on o.tenant_id = event.tenant_id and o.aggregate_type = event.aggregate_type and o.aggregate_id = event.aggregate_id
           where o.seq < event.seq and o.occurred_at >= event.occurred_at - interval '${BACKFILL_WINDOW}'
             -- Members without endpoints (most) pay nothing for the look-back.
             and exists (select 1 from hearth.webhook_endpoint where status = 'active')
           union all
           select * from event
         ),
         inserted as (
           insert into hearth.webhook_delivery
             (tenant_id, endpoint_id, event_id, webhook_id, event_type, aggregate_type, aggregate_id, sequence, occurred_at, payload, next_attempt_at)
           select e.tenant_id, e.id, o.id, 'msg_' || replace(o.id::text, '-', ''), o.type, o.aggregate_type, o.aggregate_id, o.seq, o.occurred_at, o.payload, now()
           from related o join hearth.webhook_endpoint e on e.tenant_id = o.tenant_id
           where e.status = 'active' and o.occurred_at >= e.created_at
             and case when o.type = '${WebhooksEvent.Test}' then e.id::text = o.payload ->> 'endpointId'
                      else e.event_types && array[o.type, '*'] end
           order by o.seq
           on conflict (tenant_id, endpoint_id, event_id) do nothing
           returning id
         )
         select id from inserted
         union all
         select id from hearth.webhook_delivery where event_id = $1 and status = 'pending' and attempts = 0`,
        [event.id],
      ),
    );
    for (const { id } of rows) await this.queue.add(event.tenantId, id, 1);
    return rows.length;
  }

  /**
   * Makes the due attempt of one delivery, if it is still pending, due, and not behind an
   * earlier pending delivery about the same resource to the same endpoint. The row is locked
   * while the request is made, so two jobs for one delivery take turns and the second finds it
   * done. Whatever follows (the next attempt, the next delivery in line) is queued after commit.
   */
  async deliver(tenantId: string, deliveryId: string): Promise<DeliverOutcome> {
    const after: AfterCommit[] = [];
    const outcome = await this.transactions.run({ actor: systemActor('webhooks.delivery'), tenantId }, () =>
      this.attempt(tenantId, deliveryId, after),
    );
    for (const task of after) await task();
    return outcome;
  }

  private async attempt(tenantId: string, deliveryId: string, after: AfterCommit[]): Promise<DeliverOutcome> {
    const [delivery] = await this.transactions.query<DeliveryRow>(
      `select d.*, d.next_attempt_at <= now() as due,
         exists (select 1 from hearth.webhook_delivery e
                 where e.tenant_id = d.tenant_id and e.endpoint_id = d.endpoint_id and e.status = 'pending'
                   and e.aggregate_type = d.aggregate_type and e.aggregate_id = d.aggregate_id and e.sequence < d.sequence) as blocked
       from hearth.webhook_delivery d where d.id = $1
       for update of d`,
      [deliveryId],
    );
    if (!delivery) return 'gone';
    if (delivery.status !== 'pending') return 'finished-already';
    if (!delivery.due) return 'not-due';
    // The earlier delivery releases this one when it finishes (see releaseNext).
    if (delivery.blocked) return 'postponed';
    const [endpoint] = await this.transactions.query<EndpointRow>(
      `select id, url, status, secret_sealed, previous_secret_sealed, failing_since,
              coalesce(previous_secret_expires_at > now(), false) as previous_secret_live
       from hearth.webhook_endpoint where id = $1`,
      [delivery.endpoint_id],
    );
    if (endpoint.status !== 'active') {
      await this.finish(delivery, 'failed', 'The endpoint is disabled');
      return 'endpoint-disabled';
    }

    const attempt = delivery.attempts + 1;
    const startedAt = new Date();
    const result = await this.send(endpoint, delivery);
    const succeeded = result.kind === 'response' && result.status >= 200 && result.status < 300;
    const status = result.kind === 'response' ? result.status : null;
    const responseBody = result.kind === 'response' ? result.body : null;
    const error = result.kind === 'error' ? result.error : succeeded ? null : `HTTP ${result.status}`;
    await this.transactions.query(
      `insert into hearth.webhook_attempt (tenant_id, delivery_id, attempt, started_at, duration_ms, response_status, response_body, error, succeeded)
       values (hearth.current_tenant_id(), $1, $2, $3, $4, $5, $6, $7, $8)`,
      [delivery.id, attempt, startedAt, result.durationMs, status, responseBody, error, succeeded],
    );
    await this.transactions.query(
      `update hearth.webhook_delivery
       set attempts = $2, round_attempts = round_attempts + 1, last_attempt_at = $3, last_response_status = $4,
           last_response_body = $5, last_error = $6, updated_at = now()
       where id = $1`,
      [delivery.id, attempt, startedAt, status, responseBody, error],
    );

    if (succeeded) {
      await this.transactions.query(
        `update hearth.webhook_endpoint set last_success_at = now(), failing_since = null where id = $1`,
        [endpoint.id],
      );
      await this.finish(delivery, 'succeeded');
      after.push(() => this.releaseNext(tenantId, delivery, attempt));
      return 'succeeded';
    }

    if (status === 410) {
      await this.disable(endpoint.id, 'The endpoint answered 410 Gone');
      after.push(() => this.releaseNext(tenantId, delivery, attempt));
      return 'failed';
    }
    const [{ failing_since: failingSince }] = await this.transactions.query<{ failing_since: Date }>(
      `with changed as (update hearth.webhook_endpoint set failing_since = coalesce(failing_since, now()) where id = $1 returning failing_since)
       select * from changed`,
      [endpoint.id],
    );
    const schedule = this.config.webhooks.retryScheduleMs;
    const roundAttempts = delivery.round_attempts + 1;
    if (Date.now() - failingSince.getTime() >= this.config.webhooks.disableAfterMs) {
      await this.disable(endpoint.id, `No delivery succeeded for ${describeDuration(this.config.webhooks.disableAfterMs)} while deliveries failed`);
      after.push(() => this.releaseNext(tenantId, delivery, attempt));
      return 'failed';
    }
    if (roundAttempts >= schedule.length) {
      await this.finish(delivery, 'failed');
      after.push(() => this.releaseNext(tenantId, delivery, attempt));
      return 'failed';
    }
    const delayMs = schedule[roundAttempts];
    await this.transactions.query(
      `update hearth.webhook_delivery set next_attempt_at = now() + make_interval(secs => $2::float8 / 1000) where id = $1`,
      [delivery.id, delayMs],
    );
    after.push(() => this.queue.add(tenantId, delivery.id, attempt + 1, { delayMs }));
    return 'retrying';
  }

  private async send(endpoint: EndpointRow, delivery: DeliveryRow): Promise<PostOutcome> {
    const { webhooks, env } = this.config;
    const refusal = await checkWebhookUrl(endpoint.url, { production: env === 'production', allowPrivateNetworks: webhooks.allowPrivateNetworks });
    if (refusal) return { kind: 'error', error: `Refused by the URL policy (${refusal.rule}): ${refusal.message}`, durationMs: 0 };
    const secrets = [this.box.open(endpoint.secret_sealed)];
    if (endpoint.previous_secret_sealed && endpoint.previous_secret_live) secrets.push(this.box.open(endpoint.previous_secret_sealed));
    const body = webhookBody(delivery);
    const timestamp = Math.floor(Date.now() / 1000);
    return postWebhook(
      endpoint.url,
      {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': delivery.webhook_id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(secrets, delivery.webhook_id, timestamp, body),
      },
      body,
      { allowPrivateNetworks: webhooks.allowPrivateNetworks },
    );
  }

  private async finish(delivery: Pick<DeliveryRow, 'id'>, status: 'succeeded' | 'failed', error?: string): Promise<void> {
    await this.transactions.query(
      `update hearth.webhook_delivery
       set status = $2, next_attempt_at = null, updated_at = now(),
           succeeded_at = case when $2 = 'succeeded' then now() else succeeded_at end,
           failed_at = case when $2 = 'failed' then now() else failed_at end,
           last_error = coalesce($3, last_error)
       where id = $1`,
      [delivery.id, status, error ?? null],
    );
  }

  /** Queues the next pending delivery about the same resource to the same endpoint, now that this one is finished. */
  private async releaseNext(tenantId: string, delivery: DeliveryRow, attempt: number): Promise<void> {
    const next = await this.transactions.run({ actor: systemActor('webhooks.delivery'), tenantId }, () =>
      this.transactions.query<{ id: string; attempts: number }>(
        `select id, attempts from hearth.webhook_delivery
         where endpoint_id = $1 and aggregate_type = $2 and aggregate_id = $3 and status = 'pending' and sequence > $4
         order by sequence limit 1`,
        [delivery.endpoint_id, delivery.aggregate_type, delivery.aggregate_id, delivery.sequence],
      ),
    );
    for (const row of next) await this.queue.add(tenantId, row.id, row.attempts + 1, { after: `${delivery.id}.${attempt}` });
  }

  /**
   * Disables an endpoint and tells the member: its pending deliveries are failed (replayable once
   * it is enabled again), an audit entry is written, and `webhooks.endpoint.disabled` is published.
   * Returns false if it was not active.
   */
  async disable(endpointId: string, reason: string): Promise<boolean> {
    const [row] = await this.transactions.query<{ url: string; disabled_at: Date }>(
      `with changed as (
         update hearth.webhook_endpoint set status = 'disabled', disabled_reason = $2, disabled_at = now(), updated_at = now()
         where id = $1 and status = 'active' returning url, disabled_at)
       select * from changed`,
      [endpointId, reason],
    );
    if (!row) return false;
    await this.transactions.query(
      `update hearth.webhook_delivery
       set status = 'failed', next_attempt_at = null, failed_at = now(), updated_at = now(),
           last_error = coalesce(last_error || '; ', '') || 'the endpoint was disabled'
       where endpoint_id = $1 and status = 'pending'`,
      [endpointId],
    );
    await this.audit.record({
      operation: 'webhooks.disableEndpoint',
      targetType: 'webhook_endpoint',
      targetId: endpointId,
      before: { status: 'ACTIVE' },
      after: { status: 'DISABLED', reason },
    });
    await this.outbox.publish({
      type: WebhooksEvent.EndpointDisabled,
      aggregateType: 'webhook_endpoint',
      aggregateId: endpointId,
      payload: { endpointId, url: row.url, reason, disabledAt: row.disabled_at.toISOString() },
    });
    this.logger.warn(`webhook endpoint ${endpointId} disabled: ${reason}`);
    return true;
  }

  /**
   * The safety net, run every minute for each member: re-queues due pending deliveries whose job
   * is missing (lost with Redis, or given up by BullMQ), skipping those waiting behind an earlier
   * one, and disables endpoints that have failed for the whole window without a new attempt.
   */
  async sweep(graceMs = SWEEP_GRACE_MS): Promise<{ requeued: number; disabled: number }> {
    const due = await this.transactions.query<{ id: string; attempts: number }>(
      `select d.id, d.attempts from hearth.webhook_delivery d
       where d.status = 'pending' and d.next_attempt_at <= now() - make_interval(secs => $1::float8 / 1000)
         and not exists (select 1 from hearth.webhook_delivery e
                         where e.tenant_id = d.tenant_id and e.endpoint_id = d.endpoint_id and e.status = 'pending'
                           and e.aggregate_type = d.aggregate_type and e.aggregate_id = d.aggregate_id and e.sequence < d.sequence)
       order by d.next_attempt_at limit 1000`,
      [graceMs],
    );
    const tenantId = hearthContext.require().requireTenantId();
    let requeued = 0;
    for (const row of due) if (await this.queue.ensure(tenantId, row.id, row.attempts + 1)) requeued += 1;
    const stale = await this.transactions.query<{ id: string }>(
      `select id from hearth.webhook_endpoint
       where status = 'active' and failing_since <= now() - make_interval(secs => $1::float8 / 1000)
         and coalesce(last_success_at, '-infinity') < failing_since`,
      [this.config.webhooks.disableAfterMs],
    );
    let disabled = 0;
    for (const { id } of stale) {
      if (await this.disable(id, `No delivery succeeded for ${describeDuration(this.config.webhooks.disableAfterMs)} while deliveries failed`)) disabled += 1;
    }
    return { requeued, disabled };
  }
}

function describeDuration(ms: number): string {
  if (ms % 86_400_000 === 0) return `${ms / 86_400_000} day${ms === 86_400_000 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} hours`;
  return `${Math.round(ms / 1000)} seconds`;
}
