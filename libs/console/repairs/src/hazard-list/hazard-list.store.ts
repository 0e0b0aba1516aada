import { inject, Injectable } from '@angular/core';
import { type HazardCasesFilter, HearthApi, PagedList } from '@hearth/console-core';
import { HazardListPageDocument, type HazardListPageQuery } from '../graphql.generated';

export type HazardRow = HazardListPageQuery['hazardCases']['edges'][number]['node'];

/** Hazard cases, newest first, a page at a time, with their clocks. */
@Injectable()
export class HazardListStore {
  private readonly api = inject(HearthApi);
  private filter: HazardCasesFilter = {};

  readonly list = new PagedList<HazardRow>(25, async (first, after) => {
    const { data } = await this.api.query(HazardListPageDocument, { first, after, filter: this.filter });
    return data.hazardCases;
  });

  show(filter: HazardCasesFilter): Promise<void> {
    this.filter = filter;
    return this.list.first();
  }
}
