import { signal } from '@angular/core';
import { asApiError, type ApiError } from '@hearth/console-core';

/**
 * One change at a time on a screen: busy while the API answers, and a failure outside the
 * schema kept for `<hearth-api-error>`. Typed problems are the caller's to read from the answer.
 */
export class ChangeRunner {
  readonly busy = signal(false);
  readonly error = signal<ApiError | null>(null);

  async run<T>(work: () => Promise<T>): Promise<T | null> {
    this.busy.set(true);
    this.error.set(null);
    try {
      return await work();
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
