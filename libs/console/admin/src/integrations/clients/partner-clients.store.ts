import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import {
  IntegrationsClientListDocument,
  IntegrationsRegisterClientDocument,
  IntegrationsScopesDocument,
  type IntegrationsClientFragment,
  type IntegrationsClientSecretFragment,
} from '../../graphql.generated';
import type { Choice } from '../shared/choice-list/choice-list.component';
import { ChangeRunner } from '../shared/change-runner';
import type { InputProblems } from '../shared/form-problems';

/** The scopes a client may be granted, each with what it opens, for the scope checkboxes. */
export async function scopeChoices(api: HearthApi): Promise<Choice[]> {
  const { data } = await api.query(IntegrationsScopesDocument, {});
  return data.partnerScopes.map((scope) => ({
    value: scope.scope,
    description: scope.permissions.map((permission) => permission.description).join('; '),
  }));
}

/** The member's partner clients. The API answers them all at once: a member has a handful. */
@Injectable()
export class PartnerClientListStore {
  private readonly api = inject(HearthApi);

  readonly clients = signal<IntegrationsClientFragment[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<ApiError | null>(null);

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const { data } = await this.api.query(IntegrationsClientListDocument, {});
      this.clients.set(data.partnerClients);
      this.error.set(null);
      this.loaded.set(true);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
  }
}

export interface NewClient {
  name: string;
  description: string;
  scopes: string[];
  rateLimitPerMinute: number | null;
}

/** Registering a client: the scopes on offer, then the client and its secret (held here only, once) or the problems. */
@Injectable()
export class RegisterClientStore {
  private readonly api = inject(HearthApi);
  private readonly change = new ChangeRunner();

  readonly scopes = signal<Choice[]>([]);
  readonly scopesError = signal<ApiError | null>(null);
  readonly busy = this.change.busy;
  readonly error = this.change.error;
  readonly problems = signal<InputProblems>([]);
  readonly registered = signal<IntegrationsClientSecretFragment | null>(null);

  async loadScopes(): Promise<void> {
    try {
      this.scopes.set(await scopeChoices(this.api));
    } catch (error) {
      this.scopesError.set(asApiError(error));
    }
  }

  async register(client: NewClient): Promise<void> {
    this.problems.set([]);
    await this.change.run(async () => {
      const { registerPartnerClient: result } = await this.api.mutate(IntegrationsRegisterClientDocument, {
        input: { ...client, rateLimitPerMinute: client.rateLimitPerMinute ?? undefined },
      });
      if (result.__typename === 'PartnerClientSecret') this.registered.set(result);
      else this.problems.set(result.problems);
    });
  }
}
