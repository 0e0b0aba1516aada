import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError } from '@hearth/console-core';
import { SharedConfigurationDetailDocument, SharedConfigurationWithdrawDocument, type SharedConfigurationDetailQuery } from '../graphql.generated';

export type Detail = NonNullable<SharedConfigurationDetailQuery['sharedConfiguration']>;

/** One version of a shared configuration, and withdrawing it. */
@Injectable()
export class DetailStore {
  private readonly api = inject(HearthApi);
  private latest = 0;

  readonly detail = signal<Detail | null>(null);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly busy = signal(false);
  readonly changeError = signal<ApiError | null>(null);
  /** What the last withdrawal came to: withdrawn, or the code of the typed refusal. */
  readonly withdrawal = signal<{ done: true } | { done: false; code: string; message: string } | null>(null);

  async load(id: string): Promise<void> {
    const request = ++this.latest;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(SharedConfigurationDetailDocument, { id });
      if (request !== this.latest) return;
      this.detail.set(data.sharedConfiguration ?? null);
      this.error.set(null);
      this.loaded.set(true);
    } catch (error) {
      if (request !== this.latest) return;
      this.error.set(asApiError(error));
    } finally {
      if (request === this.latest) this.loading.set(false);
    }
  }

  async withdraw(id: string): Promise<void> {
    this.busy.set(true);
    this.changeError.set(null);
    this.withdrawal.set(null);
    try {
      const { withdrawSharedConfiguration: result } = await this.api.mutate(SharedConfigurationWithdrawDocument, { id });
      this.withdrawal.set(result.__typename === 'SharedConfiguration' ? { done: true } : { done: false, code: result.code, message: result.message });
      await this.load(id);
    } catch (error) {
      this.changeError.set(asApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
