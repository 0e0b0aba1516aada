import { inject, Injectable, signal } from '@angular/core';
import { HearthApi, PagedList } from '@hearth/console-core';
import { RentAccountsListDocument, type RentAccountsListQuery } from '../graphql.generated';

export type AccountRow = RentAccountsListQuery['rentAccounts']['edges'][number]['node'];

/** The accounts list: paged on the server, filtered to arrears (largest first) or by a reference or name. */
@Injectable()
export class AccountsStore {
  private readonly api = inject(HearthApi);

  readonly inArrears = signal(false);
  readonly search = signal('');
  readonly list = new PagedList<AccountRow>(25, async (first, after) => {
    const search = this.search().trim();
    const filter = { ...(this.inArrears() ? { inArrears: true } : {}), ...(search ? { search } : {}) };
    const { data } = await this.api.query(RentAccountsListDocument, { first, after, filter });
    return data.rentAccounts;
  });

  /** Shows the first page for these filters. */
  filter(inArrears: boolean, search: string): Promise<void> {
    this.inArrears.set(inArrears);
    this.search.set(search);
    return this.list.first();
  }
}
