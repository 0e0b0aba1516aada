import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FORMAT_PIPES, translate } from '@hearth/console-core';
import type { RepairsWorkOrderDetailFragment } from '../../graphql.generated';
import { REPAIRS_TEXT } from '../../repairs.text';
import { BadgeComponent } from '../../shared/badge/badge.component';
import { DeadlineComponent } from '../../shared/deadline/deadline.component';
import { CLOSED_WORK_ORDER_STATUSES, workOrderStatusTone } from '../../shared/repair-view';
import { WorkOrderActionsComponent } from '../../shared/work-order-actions/work-order-actions.component';

/** One work order on its repair's page: status and clock, who and when, its lines, its moves and its history. */
@Component({
  selector: 'hearth-work-order-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BadgeComponent, DeadlineComponent, FORMAT_PIPES, WorkOrderActionsComponent],
  templateUrl: './work-order-panel.component.html',
  styleUrl: './work-order-panel.component.scss',
})
export class WorkOrderPanelComponent {
  readonly workOrder = input.required<RepairsWorkOrderDetailFragment>();
  readonly priorityName = input.required<string>();
  readonly changed = output<void>();

  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly closed = CLOSED_WORK_ORDER_STATUSES;
  protected readonly statusTone = workOrderStatusTone;
}
