import { signal } from '@angular/core';
import { ApiError } from '@hearth/console-core';

/**
 * One panel's figures: loading, loaded, or failed. Only the newest load may write, so a member
 * switch that overtakes a slow answer never ends showing the last member's figures.
 */
export class Panel<T> {
  readonly data = signal<T | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  private latest = 0;

  constructor(private readonly fetch: () => Promise<T>) {}

  async load(): Promise<void> {
    const load = ++this.latest;
    this.loading.set(true);
    this.error.set(null);
    try {
      const data = await this.fetch();
      if (load === this.latest) this.data.set(data);
    } catch (error) {
      if (load !== this.latest) return;
      this.data.set(null);
      this.error.set(error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error)));
    } finally {
      if (load === this.latest) this.loading.set(false);
    }
  }

  /** Forgets the figures (the module went off, or the member changed to one without it). */
  clear(): void {
    this.latest++;
    this.data.set(null);
    this.error.set(null);
    this.loading.set(false);
  }
}
