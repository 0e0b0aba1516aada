import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import {
  IntegrationsClientDetailDocument,
  IntegrationsReinstateClientDocument,
  IntegrationsRotateClientSecretDocument,
  IntegrationsSuspendClientDocument,
  IntegrationsUpdateClientDocument,
  type IntegrationsClientFragment,
  type IntegrationsClientSecretFragment,
} from '../../graphql.generated';
import type { Choice } from '../shared/choice-list/choice-list.component';
import { ChangeRunner } from '../shared/change-runner';
import type { InputProblems } from '../shared/form-problems';
import { scopeChoices } from './partner-clients.store';

/** What the last change came to, for the page to say in words. */
export type ClientOutcome = 'suspended' | 'reinstated' | 'saved' | 'unchanged' | 'notFound';

export interface ClientChanges {
  description: string;
  scopes: string[];
  rateLimitPerMinute: number | null;
}

type Answer = { __typename: string; problems?: InputProblems } | ({ __typename: 'PartnerClient' } & IntegrationsClientFragment);

/** One partner client: suspended and reinstated, its secret rotated (shown once), its scopes and limit changed. */
@Injectable()
export class PartnerClientStore {
  private readonly api = inject(HearthApi);
  private readonly change = new ChangeRunner();
  private id: string | null = null;

  readonly client = signal<IntegrationsClientFragment | null>(null);
  readonly scopes = signal<Choice[]>([]);
  readonly loading = signal(false);
  readonly notFound = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly busy = this.change.busy;
  readonly changeError = this.change.error;
  readonly outcome = signal<ClientOutcome | null>(null);
  readonly problems = signal<InputProblems>([]);
  /** A rotated secret, until the reader says they have it. */
  readonly secret = signal<IntegrationsClientSecretFragment | null>(null);

  async open(id: string): Promise<void> {
    this.id = id;
    this.loading.set(true);
    this.secret.set(null);
    this.outcome.set(null);
    try {
      const [{ data }, scopes] = await Promise.all([this.api.query(IntegrationsClientDetailDocument, { id }), scopeChoices(this.api)]);
      if (id !== this.id) return;
      this.client.set(data.partnerClient);
      this.notFound.set(data.partnerClient === null);
      this.scopes.set(scopes);
      this.error.set(null);
    } catch (error) {
      if (id === this.id) this.error.set(asApiError(error));
    } finally {
      if (id === this.id) this.loading.set(false);
    }
  }

  suspend(reason: string): Promise<void> {
    return this.act('suspended', async (id) => (await this.api.mutate(IntegrationsSuspendClientDocument, { id, reason })).suspendPartnerClient);
  }

  reinstate(): Promise<void> {
    return this.act('reinstated', async (id) => (await this.api.mutate(IntegrationsReinstateClientDocument, { id })).reinstatePartnerClient);
  }

  update(changes: ClientChanges): Promise<void> {
    return this.act('saved', async (id) => (await this.api.mutate(IntegrationsUpdateClientDocument, { input: { id, ...changes } })).updatePartnerClient);
  }

  async rotateSecret(): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.outcome.set(null);
    this.problems.set([]);
    await this.change.run(async () => {
      const { rotatePartnerClientSecret: result } = await this.api.mutate(IntegrationsRotateClientSecretDocument, { id });
      if (result.__typename === 'PartnerClientSecret') {
        this.secret.set(result);
        this.client.set(result.client);
      } else this.outcome.set('notFound');
    });
  }

  forgetSecret(): void {
    this.secret.set(null);
  }

  /** Runs a change answered with the client or a typed problem, and says which. */
  private async act(done: ClientOutcome, mutate: (id: string) => Promise<Answer>): Promise<void> {
    const id = this.id;
    if (!id) return;
    this.outcome.set(null);
    this.problems.set([]);
    await this.change.run(async () => {
      const answer = await mutate(id);
      switch (answer.__typename) {
        case 'PartnerClient':
          this.client.set(answer as IntegrationsClientFragment);
          this.outcome.set(done);
          break;
        case 'PartnerClientInvalid':
          this.problems.set(answer.problems ?? []);
          break;
        case 'PartnerClientStatusUnchanged':
          this.outcome.set('unchanged');
          break;
        default:
          this.outcome.set('notFound');
      }
    });
  }
}
