import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError, type SharedConfigurationPublishInput } from '@hearth/console-core';
import {
  SharedConfigurationDraftDocument,
  SharedConfigurationKindsDocument,
  SharedConfigurationLibraryDocument,
  SharedConfigurationPublishDocument,
  type SharedConfigurationDraftQuery,
  type SharedConfigurationKindsQuery,
  type SharedConfigurationLibraryQuery,
  type SharedConfigurationPublishMutation,
} from '../graphql.generated';

export type KindInfo = SharedConfigurationKindsQuery['configurationKinds'][number];
export type Draft = SharedConfigurationDraftQuery['sharedConfigurationDraft'];
export type Piece = SharedConfigurationLibraryQuery['sharedConfigurations']['edges'][number]['node'];
export type PublishResult = SharedConfigurationPublishMutation['publishSharedConfiguration'];

/** The kinds a member can publish, what publishing one would publish, its own earlier pieces, and publishing. */
@Injectable()
export class PublishStore {
  private readonly api = inject(HearthApi);
  private latestDraft = 0;

  readonly kinds = signal<KindInfo[]>([]);
  readonly error = signal<ApiError | null>(null);
  readonly draft = signal<Draft | null>(null);
  readonly drafting = signal(false);
  /** The member's own pieces of the chosen kind, for "a new version of". */
  readonly mine = signal<Piece[]>([]);
  readonly publishing = signal(false);
  readonly result = signal<PublishResult | null>(null);

  async loadKinds(): Promise<void> {
    try {
      this.kinds.set((await this.api.query(SharedConfigurationKindsDocument, {})).data.configurationKinds);
    } catch (error) {
      this.error.set(asApiError(error));
    }
  }

  async loadDraft(kind: string, subject: string | null, publisherId: string | null): Promise<void> {
    const call = ++this.latestDraft;
    this.drafting.set(true);
    this.draft.set(null);
    this.result.set(null);
    try {
      const [draft, mine] = await Promise.all([
        this.api.query(SharedConfigurationDraftDocument, { kind, subject }),
        publisherId
          ? this.api.query(SharedConfigurationLibraryDocument, { first: 100, after: null, filter: { kind, publisherId, includeWithdrawn: true } })
          : Promise.resolve(null),
      ]);
      if (call !== this.latestDraft) return;
      this.draft.set(draft.data.sharedConfigurationDraft);
      this.mine.set(mine?.data.sharedConfigurations.edges.map((edge) => edge.node) ?? []);
    } catch (error) {
      if (call === this.latestDraft) this.error.set(asApiError(error));
    } finally {
      if (call === this.latestDraft) this.drafting.set(false);
    }
  }

  async publish(input: SharedConfigurationPublishInput): Promise<PublishResult | null> {
    this.publishing.set(true);
    this.error.set(null);
    this.result.set(null);
    try {
      const { publishSharedConfiguration: result } = await this.api.mutate(SharedConfigurationPublishDocument, { input });
      this.result.set(result);
      return result;
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.publishing.set(false);
    }
  }
}
