import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, PagedList, type ApiError } from '@hearth/console-core';
import type { CreateUnconferenceInput } from '@hearth/console-core';
import { UnconferenceCreateDocument, UnconferenceListDocument, type UnconferenceSummaryFragment } from '../graphql.generated';

/** What creating an event came to: its id, or the API's problems with the form. */
export type CreateOutcome = { kind: 'created'; id: string } | { kind: 'refused'; code: string; message: string; problems: { field: string; message: string }[] };

/** The events list, newest first, and creating one. */
@Injectable()
export class UnconferenceListStore {
  private readonly api = inject(HearthApi);

  readonly events = new PagedList<UnconferenceSummaryFragment>(20, async (first, after) => (await this.api.query(UnconferenceListDocument, { first, after })).data.unconferences);
  readonly busy = signal(false);
  readonly error = signal<ApiError | null>(null);

  async create(input: CreateUnconferenceInput): Promise<CreateOutcome | null> {
    this.busy.set(true);
    this.error.set(null);
    try {
      const { createUnconference: result } = await this.api.mutate(UnconferenceCreateDocument, { input });
      if (result.__typename === 'Unconference') return { kind: 'created', id: result.id };
      return { kind: 'refused', code: result.code, message: result.message, problems: result.__typename === 'UnconferenceInvalid' ? result.problems : [] };
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
