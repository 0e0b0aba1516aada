import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, HearthApi, PageComponent, PagerComponent, translate, type WorkOrderStatus } from '@hearth/console-core';
import { RepairsPrioritiesDocument, type RepairsPriorityFragment } from '../graphql.generated';
import { REPAIRS_TEXT } from '../repairs.text';
import { priorityName } from '../shared/repair-view';
import { BOARD_STATUSES, RepairBoardStore } from './repair-board.store';
import { WorkOrderCardComponent } from './work-order-card/work-order-card.component';

/**
 * Work orders in columns by status. Cards move with their Move menu (keyboard and screen
 * reader friendly, no dragging); a column's "more" link opens it alone, a page at a time.
 */
@Component({
  selector: 'hearth-repair-board',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatProgressBar, PageComponent, PagerComponent, RouterLink, WorkOrderCardComponent],
  providers: [RepairBoardStore],
  templateUrl: './repair-board.component.html',
  styleUrl: './repair-board.component.scss',
})
export class RepairBoardComponent {
  /** From the query string: one column alone, `/repairs/board?status=SCHEDULED`. */
  readonly status = input<string | undefined>();

  protected readonly store = inject(RepairBoardStore);
  private readonly api = inject(HearthApi);
  protected readonly t = translate(REPAIRS_TEXT);
  private readonly priorities = signal<RepairsPriorityFragment[]>([]);

  protected readonly single = computed(() => {
    const status = this.status();
    return BOARD_STATUSES.includes(status as WorkOrderStatus) ? (status as WorkOrderStatus) : null;
  });

  constructor() {
    void this.api.query(RepairsPrioritiesDocument, {}).then(({ data }) => this.priorities.set(data.repairPriorities), () => undefined);
    effect(() => {
      const single = this.single();
      untracked(() => void (single ? this.store.showStatus(single) : this.store.loadBoard()));
    });
  }

  protected priorityName(code: string): string {
    return priorityName(this.priorities(), code);
  }

  protected moved(): void {
    void this.store.refresh(this.single() !== null);
  }
}
