import { inject, Injectable } from '@angular/core';
import { HearthApi, PagedList } from '@hearth/console-core';
import { ConfigurationAdoptionListDocument, type ConfigurationAdoptionListQuery } from '../graphql.generated';

export type AdoptionRow = ConfigurationAdoptionListQuery['configurationAdoptions']['edges'][number]['node'];

/** What the member has copied from the library, newest first. */
@Injectable()
export class AdoptionsStore {
  private readonly api = inject(HearthApi);

  readonly list = new PagedList<AdoptionRow>(25, async (first, after) => {
    const { data } = await this.api.query(ConfigurationAdoptionListDocument, { first, after });
    return data.configurationAdoptions;
  });
}
