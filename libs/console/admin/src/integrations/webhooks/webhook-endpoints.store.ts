import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, PagedList, type WebhookUrlRule } from '@hearth/console-core';
import {
  IntegrationsCreateEndpointDocument,
  IntegrationsEndpointListDocument,
  IntegrationsEventTypesDocument,
  type IntegrationsEndpointFragment,
  type IntegrationsEndpointListQuery,
} from '../../graphql.generated';
import { ChangeRunner } from '../shared/change-runner';
import type { Choice } from '../shared/choice-list/choice-list.component';

export type EndpointRow = IntegrationsEndpointListQuery['webhookEndpoints']['edges'][number]['node'];

/** Why the API would not save an endpoint's settings, for the form to show at the field. */
export type EndpointRefusal = { kind: 'url'; rule: WebhookUrlRule } | { kind: 'eventTypes'; unknown: readonly string[] };

export interface EndpointSettings {
  url: string;
  description: string;
  /** Chosen types, or ["*"] for every type. */
  eventTypes: string[];
}

/** The event types on offer (whatever the installed modules emit), with what each means. */
export async function eventTypeChoices(api: HearthApi): Promise<Choice[]> {
  const { data } = await api.query(IntegrationsEventTypesDocument, {});
  return data.webhookEventTypes.map((type) => ({ value: type.type, description: type.description }));
}

/** The refusal in a typed answer, if it is one. */
export function refusalOf(answer: { __typename: string; rule?: WebhookUrlRule; unknown?: readonly string[] }): EndpointRefusal | null {
  if (answer.__typename === 'WebhookUrlRefused' && answer.rule) return { kind: 'url', rule: answer.rule };
  if (answer.__typename === 'WebhookEventTypeUnknown') return { kind: 'eventTypes', unknown: answer.unknown ?? [] };
  return null;
}

/** The member's endpoints, newest first, each with its latest delivery. */
@Injectable()
export class EndpointListStore {
  private readonly api = inject(HearthApi);

  readonly endpoints = new PagedList<EndpointRow>(25, async (first, after) => {
    const { data } = await this.api.query(IntegrationsEndpointListDocument, { first, after });
    return data.webhookEndpoints;
  });
}

/** Adding an endpoint: the event types on offer, then the endpoint and its secret (held here only, once) or why not. */
@Injectable()
export class NewEndpointStore {
  private readonly api = inject(HearthApi);
  private readonly change = new ChangeRunner();

  readonly eventTypes = signal<Choice[]>([]);
  readonly eventTypesError = signal<ApiError | null>(null);
  readonly busy = this.change.busy;
  readonly error = this.change.error;
  readonly refusal = signal<EndpointRefusal | null>(null);
  readonly created = signal<{ secret: string; endpoint: IntegrationsEndpointFragment } | null>(null);

  async loadEventTypes(): Promise<void> {
    try {
      this.eventTypes.set(await eventTypeChoices(this.api));
    } catch (error) {
      this.eventTypesError.set(asApiError(error));
    }
  }

  async create(settings: EndpointSettings): Promise<void> {
    this.refusal.set(null);
    await this.change.run(async () => {
      const { createWebhookEndpoint: answer } = await this.api.mutate(IntegrationsCreateEndpointDocument, { input: settings });
      if (answer.__typename === 'WebhookEndpointCreated') this.created.set({ secret: answer.secret, endpoint: answer.endpoint });
      else this.refusal.set(refusalOf(answer));
    });
  }
}
