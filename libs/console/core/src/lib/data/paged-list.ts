import { signal } from '@angular/core';
import { ApiError } from '../api/api-error';
import { CursorPages } from '../ui/pager.component';

/** The shape of every Relay connection the API answers a list with. */
export interface Connection<TNode> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: readonly { node: TNode }[];
}

/** Any failure as the console's ApiError, so every screen shows one kind of error. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('UNKNOWN', error instanceof Error ? error.message : String(error));
}

/**
 * One list paged on the server, forwards and back, with its loading and error states, for a
 * store to hold: screens differ only in the query they give it for a page (after a cursor).
 * Only the newest request may write, so paging or typing quickly never ends on an older answer.
 * Pair it with `<hearth-pager [page]="list.page()" [count]="list.rows().length" …>`.
 */
export class PagedList<TNode> {
  readonly rows = signal<TNode[]>([]);
  readonly totalCount = signal(0);
  readonly hasNext = signal(false);
  /** The 0-based page shown. */
  readonly page = signal(0);
  readonly loading = signal(false);
  /** True once a page has been answered and until a request fails: before it, no empty state shows. */
  readonly loaded = signal(false);
  readonly error = signal<ApiError | null>(null);

  private readonly pages = new CursorPages();
  private endCursor: string | null = null;
  private latest = 0;

  constructor(
    readonly pageSize: number,
    private readonly fetch: (first: number, after: string | null) => Promise<Connection<TNode>>,
  ) {}

  /** From the first page (on opening, or after a filter changed). */
  first(): Promise<void> {
    this.pages.reset();
    return this.load();
  }

  next(): Promise<void> {
    if (!this.hasNext() || !this.endCursor) return Promise.resolve();
    this.pages.next(this.endCursor);
    return this.load();
  }

  previous(): Promise<void> {
    this.pages.previous();
    return this.load();
  }

  /** The same page again, after a change to one of its rows. */
  reload(): Promise<void> {
    return this.load();
  }

  private async load(): Promise<void> {
    const request = ++this.latest;
    this.loading.set(true);
    this.page.set(this.pages.index);
    try {
      const connection = await this.fetch(this.pageSize, this.pages.after);
      if (request !== this.latest) return;
      this.rows.set(connection.edges.map((edge) => edge.node));
      this.totalCount.set(connection.totalCount);
      this.hasNext.set(connection.pageInfo.hasNextPage);
      this.endCursor = connection.pageInfo.endCursor;
      this.error.set(null);
      this.loaded.set(true);
    } catch (error) {
      if (request !== this.latest) return;
      this.rows.set([]);
      this.loaded.set(false);
      this.error.set(asApiError(error));
    } finally {
      if (request === this.latest) this.loading.set(false);
    }
  }
}

/** A typed problem's fields, for showing each message next to its input. */
export function problemsByField(problems: readonly { field: string; message: string }[]): Record<string, string> {
  return Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
}
