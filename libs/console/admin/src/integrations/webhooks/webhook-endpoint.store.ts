import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, PagedList, type WebhookDeliveryStatus } from '@hearth/console-core';
import {
  IntegrationsDeliveryLogDocument,
  IntegrationsEnableEndpointDocument,
  IntegrationsEndpointDetailDocument,
  IntegrationsReplayDeliveriesDocument,
  IntegrationsReplayDeliveryDocument,
  IntegrationsRotateEndpointSecretDocument,
  IntegrationsSendTestWebhookDocument,
  IntegrationsUpdateEndpointDocument,
  type IntegrationsDeliveryFragment,
  type IntegrationsEndpointFragment,
} from '../../graphql.generated';
import { ChangeRunner } from '../shared/change-runner';
import type { Choice } from '../shared/choice-list/choice-list.component';
import { eventTypeChoices, refusalOf, type EndpointRefusal, type EndpointSettings } from './webhook-endpoints.store';

/** What the last change came to, for the page to say in words. */
export type EndpointOutcome =
  | { kind: 'saved' | 'enabled' }
  | { kind: 'testSent' | 'replayed'; webhookId: string }
  | { kind: 'replayedSince'; count: number }
  | { kind: 'problem'; code: string; message: string };

/** How long after a test or a replay the log keeps looking for what it sent. */
const WATCH_MS = 30_000;

/**
 * One endpoint: its settings, status and secret, and its delivery log (paged on the server,
 * filtered by status) with test events and replays. Deliveries are made by the worker, so the
 * log is read again while something is on its way.
 */
@Injectable()
export class EndpointStore {
  private readonly api = inject(HearthApi);
  private readonly change = new ChangeRunner();
  private id: string | null = null;
  private watchUntil = 0;

  readonly endpoint = signal<IntegrationsEndpointFragment | null>(null);
  readonly eventTypes = signal<Choice[]>([]);
  readonly loading = signal(false);
  readonly notFound = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly busy = this.change.busy;
  readonly changeError = this.change.error;
  readonly outcome = signal<EndpointOutcome | null>(null);
  readonly refusal = signal<EndpointRefusal | null>(null);
  /** A rotated secret, until the reader says they have it. */
  readonly secret = signal<{ secret: string; previousSecretExpiresAt: string } | null>(null);
  readonly statusFilter = signal<WebhookDeliveryStatus | null>(null);
  /** True while the log is read again on a timer: the page keeps its progress bar for the reader's own requests. */
  readonly refreshing = signal(false);

  readonly deliveries = new PagedList<IntegrationsDeliveryFragment>(25, async (first, after) => {
    const id = this.id;
    const empty = { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] };
    if (!id) return empty;
    const { data } = await this.api.query(IntegrationsDeliveryLogDocument, { id, first, after, status: this.statusFilter() });
    return data.webhookEndpoint?.deliveries ?? empty;
  });

  async open(id: string): Promise<void> {
    this.id = id;
    this.secret.set(null);
    this.outcome.set(null);
    this.loading.set(true);
    try {
      const [{ data }, eventTypes] = await Promise.all([this.api.query(IntegrationsEndpointDetailDocument, { id }), eventTypeChoices(this.api)]);
      if (id !== this.id) return;
      this.endpoint.set(data.webhookEndpoint);
      this.notFound.set(data.webhookEndpoint === null);
      this.eventTypes.set(eventTypes);
      this.error.set(null);
    } catch (error) {
      if (id === this.id) this.error.set(asApiError(error));
    } finally {
      if (id === this.id) this.loading.set(false);
    }
    if (this.endpoint()) await this.deliveries.first();
  }

  filter(status: WebhookDeliveryStatus | null): Promise<void> {
    this.statusFilter.set(status);
    return this.deliveries.first();
  }

  /** Whether the timer should read the log again: something is pending, or was just sent. */
  shouldRefresh(now = Date.now()): boolean {
    return now < this.watchUntil || this.deliveries.rows().some((delivery) => delivery.status === 'PENDING');
  }

  /** The endpoint and the log's page as they are now, quietly. */
  async refresh(): Promise<void> {
    const id = this.id;
    if (!id || this.refreshing()) return;
    this.refreshing.set(true);
    try {
      const { data } = await this.api.query(IntegrationsEndpointDetailDocument, { id });
      if (id === this.id && data.webhookEndpoint) this.endpoint.set(data.webhookEndpoint);
      await this.deliveries.reload();
    } catch {
      // A missed refresh is tried again on the next tick; the reader's own requests show errors.
    } finally {
      this.refreshing.set(false);
    }
  }

  async update(settings: EndpointSettings): Promise<void> {
    await this.act(async (id) => {
      const { updateWebhookEndpoint: answer } = await this.api.mutate(IntegrationsUpdateEndpointDocument, { id, input: settings });
      if (answer.__typename === 'WebhookEndpoint') return this.changed(answer, { kind: 'saved' });
      this.refusal.set(refusalOf(answer));
      if (!this.refusal() && 'code' in answer) this.outcome.set({ kind: 'problem', code: answer.code, message: answer.message });
    });
  }

  async enable(): Promise<void> {
    await this.act(async (id) => {
      const { enableWebhookEndpoint: answer } = await this.api.mutate(IntegrationsEnableEndpointDocument, { id });
      if (answer.__typename === 'WebhookEndpoint') return this.changed(answer, { kind: 'enabled' });
      this.refusal.set(refusalOf(answer));
      if (!this.refusal()) this.outcome.set({ kind: 'problem', code: answer.code, message: answer.message });
    });
  }

  async rotateSecret(): Promise<void> {
    await this.act(async (id) => {
      const { rotateWebhookSecret: answer } = await this.api.mutate(IntegrationsRotateEndpointSecretDocument, { id });
      if (answer.__typename === 'WebhookSecretRotated') {
        this.endpoint.set(answer.endpoint);
        this.secret.set({ secret: answer.secret, previousSecretExpiresAt: answer.previousSecretExpiresAt });
      } else this.outcome.set({ kind: 'problem', code: answer.code, message: answer.message });
    });
  }

  forgetSecret(): void {
    this.secret.set(null);
  }

  async sendTest(): Promise<void> {
    await this.act(async (id) => {
      const { sendTestWebhook: answer } = await this.api.mutate(IntegrationsSendTestWebhookDocument, { endpointId: id });
      if (answer.__typename === 'WebhookTestSent') return this.sent({ kind: 'testSent', webhookId: answer.webhookId });
      this.outcome.set({ kind: 'problem', code: answer.code, message: answer.message });
    });
  }

  async replay(delivery: IntegrationsDeliveryFragment): Promise<void> {
    await this.act(async () => {
      const { replayWebhookDelivery: answer } = await this.api.mutate(IntegrationsReplayDeliveryDocument, { id: delivery.id });
      if (answer.__typename === 'WebhookDelivery') return this.sent({ kind: 'replayed', webhookId: answer.webhookId });
      this.outcome.set({ kind: 'problem', code: answer.code, message: answer.message });
    });
  }

  /** `since` is an ISO timestamp. */
  async replaySince(since: string): Promise<void> {
    await this.act(async (id) => {
      const { replayWebhookDeliveries: answer } = await this.api.mutate(IntegrationsReplayDeliveriesDocument, { endpointId: id, since });
      if (answer.__typename === 'WebhookDeliveriesReplayed') return this.sent({ kind: 'replayedSince', count: answer.count });
      this.outcome.set({ kind: 'problem', code: answer.code, message: answer.message });
    });
  }

  private async act(work: (id: string) => Promise<void>): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.outcome.set(null);
    this.refusal.set(null);
    await this.change.run(() => work(id));
  }

  private changed(endpoint: IntegrationsEndpointFragment, outcome: EndpointOutcome): void {
    this.endpoint.set(endpoint);
    this.outcome.set(outcome);
  }

  /** Something is on its way to the receiver: show it in the log, and keep looking for its result. */
  private async sent(outcome: EndpointOutcome): Promise<void> {
    this.outcome.set(outcome);
    this.watchUntil = Date.now() + WATCH_MS;
    await this.deliveries.reload();
  }
}
