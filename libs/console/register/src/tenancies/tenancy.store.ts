import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi } from '@hearth/console-core';
import { RegisterTenancyDocument, type RegisterTenancyQuery } from '../graphql.generated';

export type TenancyDetails = NonNullable<RegisterTenancyQuery['tenancy']>;

/** A tenancy's page: the tenancy with its people and history. */
@Injectable()
export class TenancyStore {
  private readonly api = inject(HearthApi);
  private latest = 0;

  readonly tenancy = signal<TenancyDetails | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly notFound = signal(false);

  async load(id: string): Promise<void> {
    const load = ++this.latest;
    this.loading.set(true);
    try {
      const { data } = await this.api.query(RegisterTenancyDocument, { id });
      if (load !== this.latest) return;
      this.tenancy.set(data.tenancy);
      this.notFound.set(data.tenancy === null);
      this.error.set(null);
    } catch (error) {
      if (load !== this.latest) return;
      this.tenancy.set(null);
      this.error.set(asApiError(error));
    } finally {
      if (load === this.latest) this.loading.set(false);
    }
  }
}
