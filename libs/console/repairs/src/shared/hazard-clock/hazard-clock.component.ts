import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FORMAT_PIPES, translate } from '@hearth/console-core';
import type { HazardsClockFragment } from '../../graphql.generated';
import { REPAIRS_TEXT } from '../../repairs.text';
import { BadgeComponent } from '../badge/badge.component';
import { DeadlineComponent } from '../deadline/deadline.component';
import { clockStatusTone } from '../repair-view';

/** A statutory clock's state in words: time left or overdue while it runs, when it was met, or why it no longer applies. */
@Component({
  selector: 'hearth-hazard-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BadgeComponent, DeadlineComponent, FORMAT_PIPES],
  template: `
    @let c = clock();
    <span class="state" [attr.data-clock]="c.clock">
      @switch (c.status) {
        @case ('RUNNING') {
          <hearth-repairs-deadline [dueAt]="c.dueAt!" [workingDaysLeft]="c.workingDaysLeft" />
        }
        @case ('MISSED') {
          <hearth-repairs-badge tone="danger">{{ t().clockStatus.MISSED }}</hearth-repairs-badge>
          <hearth-repairs-deadline [dueAt]="c.dueAt!" [workingDaysLeft]="c.workingDaysLeft" />
        }
        @case ('PENDING') {
          <span class="note">{{ t().notStarted }}</span>
        }
        @case ('WAIVED') {
          <hearth-repairs-badge tone="neutral">{{ t().waived(c.waivedReason ?? '') }}</hearth-repairs-badge>
        }
        @default {
          <hearth-repairs-badge [tone]="tone(c.status)">{{ t().clockStatus[c.status] }}</hearth-repairs-badge>
          <span class="note">{{ t().met(c.metAt | hearthDateTime) }}</span>
        }
      }
    </span>
  `,
  styles: `
    .state {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .note {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class HazardClockComponent {
  readonly clock = input.required<HazardsClockFragment>();
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly tone = clockStatusTone;
}
