import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, CursorPages, HearthApi } from '@hearth/console-core';
import { ImportRunDetailDocument, type ImportRunDetailQuery } from '../graphql.generated';

export type ImportRunDetail = NonNullable<ImportRunDetailQuery['importRun']>;

const PROBLEMS_PER_PAGE = 50;
/** About once a second: progress moves visibly on a big file, and a small one finishes before anyone waits. */
export const POLL_INTERVAL_MS = 1000;

/** One import run, polled while it is queued or running; when it fails, its problems a page at a time. */
@Injectable()
export class ImportRunStore {
  private readonly api = inject(HearthApi);
  private readonly problemPages = new CursorPages();
  private id: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  readonly run = signal<ImportRunDetail | null>(null);
  readonly loading = signal(false);
  readonly notFound = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly problemPage = signal(0);
  readonly problemsPerPage = PROBLEMS_PER_PAGE;

  readonly finished = computed(() => ['SUCCEEDED', 'FAILED'].includes(this.run()?.status ?? ''));
  readonly problems = computed(() => this.run()?.errors.edges.map((edge) => edge.node) ?? []);

  /**
   * How far the run has got, 0–100. Staging counts the file's rows; checking and applying then
   * each go through them all, so the three phases are a third each.
   */
  readonly percent = computed(() => {
    const run = this.run();
    if (!run) return 0;
    if (run.status === 'SUCCEEDED' || run.status === 'FAILED') return 100;
    const { rowsStaged, rowsValidated, rowsApplied } = run.progress;
    if (rowsStaged === 0) return 0;
    return Math.round(((1 + rowsValidated / rowsStaged + rowsApplied / rowsStaged) / 3) * 100);
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopped = true;
      clearTimeout(this.timer);
    });
  }

  /** Shows the run, and keeps asking until it has finished. */
  async open(id: string): Promise<void> {
    this.id = id;
    this.problemPages.reset();
    this.run.set(null);
    this.notFound.set(false);
    await this.refresh();
  }

  async nextProblems(): Promise<void> {
    const cursor = this.run()?.errors.pageInfo.endCursor;
    if (!cursor) return;
    this.problemPages.next(cursor);
    await this.refresh();
  }

  async previousProblems(): Promise<void> {
    this.problemPages.previous();
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    clearTimeout(this.timer);
    const id = this.id;
    if (!id) return;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(ImportRunDetailDocument, { id, first: PROBLEMS_PER_PAGE, after: this.problemPages.after });
      if (id !== this.id) return;
      this.run.set(data.importRun);
      this.notFound.set(data.importRun === null);
      this.problemPage.set(this.problemPages.index);
      this.error.set(null);
    } catch (error) {
      if (id !== this.id) return;
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
    // A poll that could not reach the API is tried again: a moment's network trouble should not freeze the page.
    const retry = this.error() === null || this.error()?.code === 'NETWORK';
    if (!this.stopped && retry && !this.notFound() && !this.finished()) {
      this.timer = setTimeout(() => void this.refresh(), POLL_INTERVAL_MS);
    }
  }
}
