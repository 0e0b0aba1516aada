import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, type DwellingsFilter, HearthApi, PagedList, type TenureType } from '@hearth/console-core';
import { RegisterDwellingsDocument, RegisterDwellingTenuresDocument, type RegisterDwellingsQuery } from '../graphql.generated';

export type DwellingRow = RegisterDwellingsQuery['dwellings']['edges'][number]['node'];

/** The dwelling register, filtered and paged on the server, and the tenures the member grants to filter by. */
@Injectable()
export class DwellingsStore {
  private readonly api = inject(HearthApi);
  private filter: DwellingsFilter = {};

  readonly tenures = signal<{ tenureType: TenureType; label: string }[]>([]);
  readonly tenuresError = signal<ApiError | null>(null);

  readonly list = new PagedList<DwellingRow>(50, async (first, after) => {
    const { data } = await this.api.query(RegisterDwellingsDocument, { filter: this.filter, first, after });
    return data.dwellings;
  });

  show(filter: DwellingsFilter): Promise<void> {
    this.filter = filter;
    return this.list.first();
  }

  async loadTenures(): Promise<void> {
    try {
      const { data } = await this.api.query(RegisterDwellingTenuresDocument);
      this.tenures.set(data.tenancyTerms.tenureTypes);
      this.tenuresError.set(null);
    } catch (error) {
      this.tenuresError.set(asApiError(error));
    }
  }
}
