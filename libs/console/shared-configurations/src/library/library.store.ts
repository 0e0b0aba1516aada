import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, PagedList, type ApiError } from '@hearth/console-core';
import {
  SharedConfigurationKindsDocument,
  SharedConfigurationLibraryDocument,
  type SharedConfigurationKindsQuery,
  type SharedConfigurationLibraryQuery,
} from '../graphql.generated';

export type LibraryRow = SharedConfigurationLibraryQuery['sharedConfigurations']['edges'][number]['node'];
export type KindInfo = SharedConfigurationKindsQuery['configurationKinds'][number];

export interface LibraryFilter {
  kind: string | null;
  search: string | null;
  publisherId: string | null;
}

/** The library a piece to a row (its newest version), filtered, a page at a time; and the kinds it can hold. */
@Injectable()
export class LibraryStore {
  private readonly api = inject(HearthApi);
  private filter: LibraryFilter = { kind: null, search: null, publisherId: null };

  readonly kinds = signal<KindInfo[]>([]);
  readonly kindsError = signal<ApiError | null>(null);
  readonly list = new PagedList<LibraryRow>(20, async (first, after) => {
    const { kind, search, publisherId } = this.filter;
    const { data } = await this.api.query(SharedConfigurationLibraryDocument, { first, after, filter: { kind, search, publisherId } });
    return data.sharedConfigurations;
  });

  async loadKinds(): Promise<void> {
    try {
      this.kinds.set((await this.api.query(SharedConfigurationKindsDocument, {})).data.configurationKinds);
    } catch (error) {
      this.kindsError.set(asApiError(error));
    }
  }

  show(filter: LibraryFilter): Promise<void> {
    this.filter = filter;
    return this.list.first();
  }
}
