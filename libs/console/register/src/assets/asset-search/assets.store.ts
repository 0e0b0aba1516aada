import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, type AssetKind, HearthApi, PagedList } from '@hearth/console-core';
import { RegisterAssetBrowseDocument, RegisterAssetSearchDocument, type RegisterAssetLineFragment } from '../../graphql.generated';

/** The API refuses shorter search text (searchAssets). */
export const MIN_SEARCH_LENGTH = 3;
const SEARCH_RESULTS = 25;

/** The assets screen: the best matches for what was typed, and a kind of asset a page at a time. */
@Injectable()
export class AssetsStore {
  private readonly api = inject(HearthApi);
  private kind: AssetKind = 'ESTATE';
  private latestSearch = 0;

  readonly results = signal<RegisterAssetLineFragment[] | null>(null);
  readonly searching = signal(false);
  readonly searchError = signal<ApiError | null>(null);

  readonly browse = new PagedList<RegisterAssetLineFragment>(25, async (first, after) => {
    const { data } = await this.api.query(RegisterAssetBrowseDocument, { filter: { kind: this.kind }, first, after });
    return data.assets;
  });

  async search(text: string): Promise<void> {
    const search = ++this.latestSearch;
    if (text.trim().length < MIN_SEARCH_LENGTH) {
      this.results.set(null);
      this.searchError.set(null);
      return;
    }
    this.searching.set(true);
    try {
      const { data } = await this.api.query(RegisterAssetSearchDocument, { text: text.trim(), first: SEARCH_RESULTS });
      if (search !== this.latestSearch) return;
      this.results.set(data.searchAssets);
      this.searchError.set(null);
    } catch (error) {
      if (search !== this.latestSearch) return;
      this.results.set(null);
      this.searchError.set(asApiError(error));
    } finally {
      if (search === this.latestSearch) this.searching.set(false);
    }
  }

  browseKind(kind: AssetKind): Promise<void> {
    this.kind = kind;
    return this.browse.first();
  }
}
