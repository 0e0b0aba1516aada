import { inject, Injectable } from '@angular/core';
import { HearthApi, PagedList } from '@hearth/console-core';
import { ImportRunListDocument, type ImportRunSummaryFragment } from '../graphql.generated';

/** The member's import runs, newest first, a page at a time. */
@Injectable()
export class ImportRunsStore {
  private readonly api = inject(HearthApi);

  readonly runs = new PagedList<ImportRunSummaryFragment>(25, async (first, after) => {
    const { data } = await this.api.query(ImportRunListDocument, { first, after });
    return data.importRuns;
  });
}
