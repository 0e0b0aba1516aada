import { inject, Injectable, signal } from '@angular/core';
import { ApiError, asApiError, HearthApi, PagedList, type WorkOrderStatus } from '@hearth/console-core';
import { RepairBoardColumnsDocument, RepairBoardStatusDocument, type RepairBoardColumnsQuery, type RepairsWorkOrderCardFragment } from '../graphql.generated';

/** Cards per column on the whole board; "more" opens the column on its own, a page at a time. */
export const CARDS_PER_COLUMN = 5;

export const BOARD_STATUSES: readonly WorkOrderStatus[] = ['RAISED', 'ASSIGNED', 'SCHEDULED', 'IN_PROGRESS', 'ON_HOLD', 'COMPLETED', 'INSPECTED', 'CANCELLED'];

/** The query's alias for each status's column. */
const ALIAS: Record<WorkOrderStatus, keyof RepairBoardColumnsQuery> = {
  RAISED: 'raised', ASSIGNED: 'assigned', SCHEDULED: 'scheduled', IN_PROGRESS: 'inProgress', ON_HOLD: 'onHold',
  COMPLETED: 'completed', INSPECTED: 'inspected', CANCELLED: 'cancelled',
};

export interface BoardColumn {
  status: WorkOrderStatus;
  totalCount: number;
  cards: RepairsWorkOrderCardFragment[];
}

/** The board: every status's first cards in one request, or one status a page at a time. */
@Injectable()
export class RepairBoardStore {
  private readonly api = inject(HearthApi);
  private status: WorkOrderStatus = 'RAISED';

  readonly columns = signal<BoardColumn[] | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);

  readonly column = new PagedList<RepairsWorkOrderCardFragment>(25, async (first, after) => {
    const { data } = await this.api.query(RepairBoardStatusDocument, { status: this.status, first, after });
    return data.workOrders;
  });

  async loadBoard(): Promise<void> {
    this.loading.set(true);
    try {
      const { data } = await this.api.query(RepairBoardColumnsDocument, { first: CARDS_PER_COLUMN });
      this.columns.set(BOARD_STATUSES.map((status) => {
        const connection = data[ALIAS[status]];
        return { status, totalCount: connection.totalCount, cards: connection.edges.map((edge) => edge.node) };
      }));
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    } finally {
      this.loading.set(false);
    }
  }

  showStatus(status: WorkOrderStatus): Promise<void> {
    this.status = status;
    return this.column.first();
  }

  /** After a card moved: the board again, or the column's page again. */
  refresh(single: boolean): Promise<void> {
    return single ? this.column.reload() : this.loadBoard();
  }
}
