import { inject, Injectable, signal } from '@angular/core';
import { HearthApi, PagedList, type RepairsFilter, type RepairStatus } from '@hearth/console-core';
import { RepairListPageDocument, RepairsPrioritiesDocument, type RepairListPageQuery, type RepairsPriorityFragment } from '../graphql.generated';

export type RepairRow = RepairListPageQuery['repairs']['edges'][number]['node'];

export const REPAIR_STATUSES: readonly RepairStatus[] = ['REPORTED', 'TRIAGED', 'CANCELLED'];

/** The repairs list: a page at a time, filtered by status and priority, and the member's priorities to filter by. */
@Injectable()
export class RepairListStore {
  private readonly api = inject(HearthApi);
  private filter: RepairsFilter = {};
  readonly priorities = signal<RepairsPriorityFragment[]>([]);

  readonly list = new PagedList<RepairRow>(25, async (first, after) => {
    const { data } = await this.api.query(RepairListPageDocument, { first, after, filter: this.filter });
    return data.repairs;
  });

  async loadPriorities(): Promise<void> {
    // The filter still works by status without them, so a failure here is not the page's.
    const { data } = await this.api.query(RepairsPrioritiesDocument, {}).catch(() => ({ data: { repairPriorities: [] } }));
    this.priorities.set(data.repairPriorities);
  }

  show(status: RepairStatus | null, priority: string | null): Promise<void> {
    this.filter = { ...(status ? { status } : {}), ...(priority ? { priority } : {}) };
    return this.list.first();
  }
}
