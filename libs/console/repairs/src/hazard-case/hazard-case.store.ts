import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import { HazardCaseDetailDocument, type HazardCaseFieldsFragment } from '../graphql.generated';

/** A hazard case's page: the case with its clocks, repairs and accommodation. */
@Injectable()
export class HazardCaseStore {
  private readonly api = inject(HearthApi);
  readonly hazard = signal<HazardCaseFieldsFragment | null>(null);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal<ApiError | null>(null);

  async load(id: string): Promise<void> {
    this.loading.set(true);
    try {
      this.hazard.set((await this.api.query(HazardCaseDetailDocument, { id })).data.hazardCase);
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
      this.loaded.set(true);
    }
  }

  /** The case as an action's mutation answered it. */
  changed(hazard: HazardCaseFieldsFragment): void {
    this.hazard.set(hazard);
  }
}
