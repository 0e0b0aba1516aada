import { Inject, Injectable } from '@nestjs/common';
import { HEARTH_CONFIG, HearthError, type HearthConfig } from '@hearth/platform-core';
import { actorLabel, AuditLog, hearthContext, Outbox, TransactionManager } from '@hearth/platform-database';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { decodeCursor, decodeTimeCursor, DEFAULT_PAGE_SIZE, toConnection, type PageArgs } from '@hearth/platform-graphql';
import { SecretBox } from './secret-box';
import { newWebhookSecret, webhookIdOf } from './signature';
import { checkWebhookUrl } from './url-policy';
import { WebhookQueue } from './webhook-queue';
import { webhookBody } from './webhook-deliveries.service';
import {
  problem,
  WebhookAttempt,
  WebhookDeliveriesReplayed,
  WebhookDelivery,
  WebhookDeliveryNotFound,
  WebhookDeliveryPending,
  WebhookEndpoint,
  WebhookEndpointCreated,
  WebhookEndpointDeleted,
  WebhookEndpointDisabled,
  WebhookEndpointNotFound,
  WebhookEventType,
  WebhookEventTypeUnknown,
  WebhookSecretRotated,
  WebhookTestSent,
  WebhookUrlRefused,
  type WebhookDeliveryArgs,
  type WebhookDeliveryConnection,
  type WebhookEndpointConnection,
} from './webhook.model';
import type { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './dto/webhook-endpoint.input';
import { PREVIOUS_SECRET_TTL_MS, WebhooksEvent } from './webhooks.permissions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENDPOINT_COLUMNS = `id, url, description, event_types, status, disabled_reason, disabled_at, previous_secret_expires_at,
  secret_rotated_at, last_success_at, failing_since, created_by, created_at, updated_at, created_at::text as cursor_key`;

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  event_types: string[];
  status: 'active' | 'disabled';
  disabled_reason: string | null;
  disabled_at: Date | null;
  previous_secret_expires_at: Date | null;
  secret_rotated_at: Date | null;
  last_success_at: Date | null;
  failing_since: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  cursor_key: string;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  aggregate_type: string;
  aggregate_id: string;
  sequence: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  replays: number;
  next_attempt_at: Date | null;
  last_attempt_at: Date | null;
  last_response_status: number | null;
  last_response_body: string | null;
  last_error: string | null;
  succeeded_at: Date | null;
  failed_at: Date | null;
  created_at: Date;
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return Object.assign(new WebhookEndpoint(), {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types,
    status: row.status,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    secretRotatedAt: row.secret_rotated_at,
    lastSuccessAt: row.last_success_at,
    failingSince: row.failing_since,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: row.id,
    endpointId: row.endpoint_id,
    webhookId: row.webhook_id,
    eventId: row.event_id,
    eventType: row.event_type,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    occurredAt: row.occurred_at,
    status: row.status,
    attempts: row.attempts,
    replays: row.replays,
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    lastResponseStatus: row.last_response_status,
    lastResponseBody: row.last_response_body,
    lastError: row.last_error,
    succeededAt: row.succeeded_at,
    failedAt: row.failed_at,
    createdAt: row.created_at,
    body: webhookBody(row),
  });
}

/**
 * A member's endpoints and their delivery log, as the API manages them. Secrets are sealed
 * before they are stored and answered only by the mutation that made them. Changes write their
 * audit entry in the same transaction; nothing here sends: jobs are queued for the worker.
 */
@Injectable()
export class WebhookEndpoints {
  private readonly box: SecretBox;

  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly registry: ModuleRegistry,
    private readonly queue: WebhookQueue,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {
    this.box = new SecretBox(config.webhooks.secretKey);
  }

  /** Every event an installed module declares it emits, by type. */
  eventTypes(): WebhookEventType[] {
    return this.registry
      .all()
      .flatMap((definition) =>
        Object.entries(definition.events?.emits ?? {}).map(([type, { description }]) =>
          Object.assign(new WebhookEventType(), { type, description, module: definition.key }),
        ),
      )
      .sort((a, b) => a.type.localeCompare(b.type));
  }

  async list(args: PageArgs): Promise<WebhookEndpointConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [first + 1];
    let after = '';
    if (args.after) {
      const [createdAt, id] = decodeTimeCursor(args.after);
      params.push(createdAt, id);
      after = 'where (created_at, id) < ($2::timestamptz, $3::uuid)';
    }
    const rows = await this.transactions.query<EndpointRow>(
      `select ${ENDPOINT_COLUMNS} from hearth.webhook_endpoint ${after} order by created_at desc, id desc limit $1`,
      params,
    );
    const [{ total }] = await this.transactions.query<{ total: number }>(`select count(*)::int as total from hearth.webhook_endpoint`);
    const connection = toConnection(rows, args, total, (row) => [row.cursor_key, row.id]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toEndpoint(e.node) })) };
  }

  async find(id: string): Promise<WebhookEndpoint | null> {
    const [row] = await this.transactions.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from hearth.webhook_endpoint where id = $1`, [id]);
    return row ? toEndpoint(row) : null;
  }

  /** An endpoint's deliveries, newest event first, optionally by status and event type. */
  async deliveries(endpointId: string, args: WebhookDeliveryArgs): Promise<WebhookDeliveryConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const params: unknown[] = [endpointId];
    const filters = ['endpoint_id = $1'];
    if (args.status) {
      params.push(args.status);
      filters.push(`status = $${params.length}`);
    }
    if (args.eventType) {
      params.push(args.eventType);
      filters.push(`event_type = $${params.length}`);
    }
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.webhook_delivery where ${filters.join(' and ')}`,
      params,
    );
    if (args.after) {
      const [sequence, id] = decodeCursor(args.after, 2);
      if (!UUID.test(String(id)) || !/^\d+$/.test(String(sequence))) {
        throw new HearthError('BAD_USER_INPUT', 'The "after" cursor is not one this API issued', { field: 'after' });
      }
      params.push(String(sequence), id);
      filters.push(`(sequence, id) < ($${params.length - 1}::bigint, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    const rows = await this.transactions.query<DeliveryRow>(
      `select * from hearth.webhook_delivery where ${filters.join(' and ')} order by sequence desc, id desc limit $${params.length}`,
      params,
    );
    const connection = toConnection(rows, args, total, (row) => [row.sequence, row.id]);
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toDelivery(e.node) })) };
  }

  async delivery(id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.transactions.query<DeliveryRow>(`select * from hearth.webhook_delivery where id = $1`, [id]);
    return row ? toDelivery(row) : null;
  }

  /** The attempts of several deliveries at once (one query per page of deliveries). */
  async attemptsOf(deliveryIds: readonly string[]): Promise<WebhookAttempt[][]> {
    const rows = await this.transactions.query<{
      delivery_id: string; attempt: number; started_at: Date; duration_ms: number; succeeded: boolean;
      response_status: number | null; response_body: string | null; error: string | null;
    }>(`select * from hearth.webhook_attempt where delivery_id = any($1::uuid[]) order by delivery_id, attempt`, [deliveryIds]);
    return deliveryIds.map((id) =>
      rows
        .filter((row) => row.delivery_id === id)
        .map((row) =>
          Object.assign(new WebhookAttempt(), {
            attempt: row.attempt,
            startedAt: row.started_at,
            durationMs: row.duration_ms,
            succeeded: row.succeeded,
            responseStatus: row.response_status,
            responseBody: row.response_body,
            error: row.error,
          }),
        ),
    );
  }

  async create(input: CreateWebhookEndpointInput): Promise<WebhookEndpointCreated | WebhookUrlRefused | WebhookEventTypeUnknown> {
    const refused = (await this.checkUrl(input.url)) ?? this.checkEventTypes(input.eventTypes);
    if (refused) return refused;
    const context = hearthContext.require();
    const secret = newWebhookSecret();
    const [row] = await this.transactions.query<EndpointRow>(
      `insert into hearth.webhook_endpoint (tenant_id, url, description, event_types, secret_sealed, created_by)
       values ($1, $2, $3, $4, $5, $6) returning ${ENDPOINT_COLUMNS}`,
      [context.requireTenantId(), input.url, input.description ?? '', unique(input.eventTypes), this.box.seal(secret), actorLabel(context.actor)],
    );
    const endpoint = toEndpoint(row);
    // The audit entry records the endpoint, never its secret.
    await this.audit.record({ operation: 'createWebhookEndpoint', targetType: 'webhook_endpoint', targetId: endpoint.id, after: endpoint });
    return Object.assign(new WebhookEndpointCreated(), { endpoint, secret });
  }

  async update(id: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpoint | WebhookEndpointNotFound | WebhookUrlRefused | WebhookEventTypeUnknown> {
    const before = await this.lock(id);
    if (!before) return notFound(id);
    const refused = (input.url !== undefined ? await this.checkUrl(input.url) : null) ?? (input.eventTypes ? this.checkEventTypes(input.eventTypes) : null);
    if (refused) return refused;
    const [row] = await this.transactions.query<EndpointRow>(
      `with changed as (
      update hearth.webhook_endpoint
       set url = coalesce($2, url), event_types = coalesce($3, event_types), description = coalesce($4, description), updated_at = now()
       where id = $1 returning ${ENDPOINT_COLUMNS})
       select * from changed`,
      [id, input.url ?? null, input.eventTypes ? unique(input.eventTypes) : null, input.description ?? null],
    );
    const after = toEndpoint(row);
    await this.audit.record({ operation: 'updateWebhookEndpoint', targetType: 'webhook_endpoint', targetId: id, before: toEndpoint(before), after });
    return after;
  }

  async rotateSecret(id: string): Promise<WebhookSecretRotated | WebhookEndpointNotFound> {
    const before = await this.lock(id);
    if (!before) return notFound(id);
    const secret = newWebhookSecret();
    const [row] = await this.transactions.query<EndpointRow>(
      `with changed as (
      update hearth.webhook_endpoint
       set previous_secret_sealed = secret_sealed, previous_secret_expires_at = now() + make_interval(secs => $3::float8 / 1000),
           secret_sealed = $2, secret_rotated_at = now(), updated_at = now()
       where id = $1 returning ${ENDPOINT_COLUMNS})
       select * from changed`,
      [id, this.box.seal(secret), PREVIOUS_SECRET_TTL_MS],
    );
    const endpoint = toEndpoint(row);
    await this.audit.record({ operation: 'rotateWebhookSecret', targetType: 'webhook_endpoint', targetId: id, after: { previousSecretExpiresAt: endpoint.previousSecretExpiresAt } });
    return Object.assign(new WebhookSecretRotated(), { endpoint, secret, previousSecretExpiresAt: endpoint.previousSecretExpiresAt! });
  }

  async enable(id: string): Promise<WebhookEndpoint | WebhookEndpointNotFound | WebhookUrlRefused> {
    const before = await this.lock(id);
    if (!before) return notFound(id);
    if (before.status === 'active') return toEndpoint(before);
    const refused = await this.checkUrl(before.url);
    if (refused) return refused;
    const [row] = await this.transactions.query<EndpointRow>(
      `with changed as (
      update hearth.webhook_endpoint
       set status = 'active', disabled_reason = null, disabled_at = null, failing_since = null, updated_at = now()
       where id = $1 returning ${ENDPOINT_COLUMNS})
       select * from changed`,
      [id],
    );
    const after = toEndpoint(row);
    await this.audit.record({ operation: 'enableWebhookEndpoint', targetType: 'webhook_endpoint', targetId: id, before: toEndpoint(before), after });
    return after;
  }

  /** Deletes the endpoint with its deliveries and their attempts; jobs still queued find nothing and end. */
  async delete(id: string): Promise<WebhookEndpointDeleted | WebhookEndpointNotFound> {
    const before = await this.lock(id);
    if (!before) return notFound(id);
    await this.transactions.query(`delete from hearth.webhook_endpoint where id = $1`, [id]);
    await this.audit.record({ operation: 'deleteWebhookEndpoint', targetType: 'webhook_endpoint', targetId: id, before: toEndpoint(before) });
    return Object.assign(new WebhookEndpointDeleted(), { id });
  }

  /**
   * Sends a finished delivery again, from the start of the retry schedule, with the same
   * webhook-id and body. The row stays locked until the request commits, so the job (queued
   * now) waits for the change rather than missing it.
   */
  async replay(id: string): Promise<WebhookDelivery | WebhookDeliveryNotFound | WebhookEndpointDisabled | WebhookDeliveryPending> {
    const [found] = await this.transactions.query<DeliveryRow & { endpoint_status: string; disabled_reason: string | null }>(
      `select d.*, e.status as endpoint_status, e.disabled_reason from hearth.webhook_delivery d
       join hearth.webhook_endpoint e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id
       where d.id = $1 for update of d`,
      [id],
    );
    if (!found) return problem(WebhookDeliveryNotFound, { code: 'WEBHOOK_DELIVERY_NOT_FOUND', message: `There is no webhook delivery ${id}` });
    if (found.endpoint_status !== 'active') return disabledProblem(found.disabled_reason);
    if (found.status === 'pending') {
      return problem(WebhookDeliveryPending, {
        code: 'WEBHOOK_DELIVERY_PENDING', message: 'That delivery is still being tried on its schedule', nextAttemptAt: found.next_attempt_at,
      });
    }
    const [row] = await this.replayWhere(`id = $1`, [id]);
    await this.audit.record({ operation: 'replayWebhookDelivery', targetType: 'webhook_delivery', targetId: id, after: { webhookId: row.webhook_id } });
    await this.queue.add(hearthContext.require().requireTenantId(), row.id, row.attempts + 1);
    return toDelivery(row);
  }

  /** Replays every finished delivery of an endpoint whose event occurred since `since`. */
  async replaySince(endpointId: string, since: Date): Promise<WebhookDeliveriesReplayed | WebhookEndpointNotFound | WebhookEndpointDisabled> {
    const endpoint = await this.lock(endpointId);
    if (!endpoint) return notFound(endpointId);
    if (endpoint.status !== 'active') return disabledProblem(endpoint.disabled_reason);
    const rows = await this.replayWhere(`endpoint_id = $1 and status <> 'pending' and occurred_at >= $2`, [endpointId, since]);
    await this.audit.record({
      operation: 'replayWebhookDeliveries', targetType: 'webhook_endpoint', targetId: endpointId, after: { since: since.toISOString(), count: rows.length },
    });
    const tenantId = hearthContext.require().requireTenantId();
    for (const row of rows) await this.queue.add(tenantId, row.id, row.attempts + 1);
    return Object.assign(new WebhookDeliveriesReplayed(), { count: rows.length });
  }

  async sendTest(endpointId: string): Promise<WebhookTestSent | WebhookEndpointNotFound | WebhookEndpointDisabled> {
    const endpoint = await this.lock(endpointId);
    if (!endpoint) return notFound(endpointId);
    if (endpoint.status !== 'active') return disabledProblem(endpoint.disabled_reason);
    const eventId = await this.outbox.publish({
      type: WebhooksEvent.Test,
      aggregateType: 'webhook_endpoint',
      aggregateId: endpointId,
      payload: { endpointId, message: 'A test event from Hearth: if your receiver verified this, it is ready.' },
    });
    await this.audit.record({ operation: 'sendTestWebhook', targetType: 'webhook_endpoint', targetId: endpointId, after: { eventId } });
    return Object.assign(new WebhookTestSent(), { eventId, webhookId: webhookIdOf(eventId) });
  }

  private async replayWhere(where: string, params: unknown[]): Promise<DeliveryRow[]> {
    return this.transactions.query<DeliveryRow>(
      `with changed as (
      update hearth.webhook_delivery
       set status = 'pending', round_attempts = 0, replays = replays + 1, next_attempt_at = now(), updated_at = now()
       where ${where} returning *)
       select * from changed`,
      params,
    );
  }

  private async lock(id: string): Promise<EndpointRow | undefined> {
    const [row] = await this.transactions.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from hearth.webhook_endpoint where id = $1 for update`, [id]);
    return row;
  }

  private async checkUrl(url: string): Promise<WebhookUrlRefused | null> {
    const refusal = await checkWebhookUrl(url, {
      production: this.config.env === 'production',
      allowPrivateNetworks: this.config.webhooks.allowPrivateNetworks,
    });
    return refusal ? problem(WebhookUrlRefused, { code: 'WEBHOOK_URL_REFUSED', message: refusal.message, rule: refusal.rule }) : null;
  }

  private checkEventTypes(types: string[]): WebhookEventTypeUnknown | null {
    const known = new Set(this.eventTypes().map((t) => t.type));
    const unknown = unique(types).filter((type) => type !== '*' && !known.has(type));
    if (!unknown.length) return null;
    return problem(WebhookEventTypeUnknown, {
      code: 'WEBHOOK_EVENT_TYPE_UNKNOWN',
      message: `No installed module emits ${unknown.join(', ')}; see webhookEventTypes`,
      unknown,
    });
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()))];
}

function notFound(id: string): WebhookEndpointNotFound {
  return problem(WebhookEndpointNotFound, { code: 'WEBHOOK_ENDPOINT_NOT_FOUND', message: `There is no webhook endpoint ${id}` });
}

function disabledProblem(reason: string | null): WebhookEndpointDisabled {
  return problem(WebhookEndpointDisabled, {
    code: 'WEBHOOK_ENDPOINT_DISABLED',
    message: `The endpoint is disabled${reason ? ` (${reason})` : ''}: enable it first`,
    disabledReason: reason,
  });
}
