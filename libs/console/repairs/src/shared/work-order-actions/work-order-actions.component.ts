import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { translate } from '@hearth/console-core';
import type { RepairsWorkOrderCardFragment, RepairsWorkOrderDetailFragment } from '../../graphql.generated';
import { REPAIRS_TEXT } from '../../repairs.text';
import { WorkOrderDialogComponent, type WorkOrderDialogData } from '../../work-order-dialog/work-order-dialog.component';
import { actionsFor, type ActionChoice } from '../work-order-actions';

/**
 * A work order's moves, as a menu (on a board card) or a row of buttons (on the repair's page).
 * Every move opens its dialog, so what it needs is asked for and the API's answer shown there.
 */
@Component({
  selector: 'hearth-work-order-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger],
  template: `
    @if (choices().length) {
      @if (layout() === 'menu') {
        <button mat-stroked-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="t().moveWorkOrder(workOrder().number)" data-testid="move">
          {{ t().move }}
        </button>
        <mat-menu #menu="matMenu">
          @for (choice of choices(); track choice.action) {
            <button mat-menu-item type="button" (click)="open(choice)" [attr.data-action]="choice.action">{{ label(choice) }}</button>
          }
        </mat-menu>
      } @else {
        <div class="buttons" role="group" [attr.aria-label]="t().actionsFor(workOrder().number)">
          @for (choice of choices(); track choice.action) {
            <button mat-stroked-button type="button" (click)="open(choice)" [attr.data-action]="choice.action">{{ label(choice) }}</button>
          }
        </div>
      }
    }
  `,
  styles: `
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class WorkOrderActionsComponent {
  readonly workOrder = input.required<RepairsWorkOrderCardFragment>();
  readonly layout = input<'menu' | 'buttons'>('menu');
  readonly changed = output<RepairsWorkOrderDetailFragment>();

  private readonly dialog = inject(MatDialog);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly choices = computed(() => actionsFor(this.workOrder()));

  protected label(choice: ActionChoice): string {
    return choice.rebook ? this.t().action.reschedule : this.t().action[choice.action];
  }

  protected open(choice: ActionChoice): void {
    const data: WorkOrderDialogData = { workOrder: this.workOrder(), choice };
    this.dialog
      .open<WorkOrderDialogComponent, WorkOrderDialogData, RepairsWorkOrderDetailFragment>(WorkOrderDialogComponent, { data, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.changed.emit(changed);
      });
  }
}
