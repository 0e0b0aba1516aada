import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { FORMAT_PIPES, translate } from '@hearth/console-core';
import type { RepairsWorkOrderCardFragment } from '../../graphql.generated';
import { REPAIRS_TEXT } from '../../repairs.text';
import { BadgeComponent } from '../../shared/badge/badge.component';
import { DeadlineComponent } from '../../shared/deadline/deadline.component';
import { CLOSED_WORK_ORDER_STATUSES } from '../../shared/repair-view';
import { WorkOrderActionsComponent } from '../../shared/work-order-actions/work-order-actions.component';

/** One work order on the board: where, what trade, who, by when, and its moves. */
@Component({
  selector: 'hearth-work-order-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BadgeComponent, DeadlineComponent, FORMAT_PIPES, RouterLink, WorkOrderActionsComponent],
  templateUrl: './work-order-card.component.html',
  styleUrl: './work-order-card.component.scss',
})
export class WorkOrderCardComponent {
  readonly workOrder = input.required<RepairsWorkOrderCardFragment>();
  readonly priorityName = input.required<string>();
  readonly moved = output<void>();

  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly closed = CLOSED_WORK_ORDER_STATUSES;
}
