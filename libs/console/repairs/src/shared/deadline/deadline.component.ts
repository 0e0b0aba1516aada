import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { LocaleFormat, translate } from '@hearth/console-core';
import { REPAIRS_TEXT } from '../../repairs.text';
import { BadgeComponent, type BadgeTone } from '../badge/badge.component';
import { describeDeadline, lastMoment, type DeadlineTone } from '../deadline';

const TONES: Record<DeadlineTone, BadgeTone> = { overdue: 'danger', soon: 'warning', ok: 'info' };

/** "Due in 2 working days (by the end of 3 Apr 2026)": time left in words, and the deadline in the reader's locale. */
@Component({
  selector: 'hearth-repairs-deadline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BadgeComponent],
  template: `
    @if (!closed()) {
      <hearth-repairs-badge [tone]="tone()" data-testid="deadline">{{ deadline().text }}</hearth-repairs-badge>
    }
    <span class="when">{{ when() }}</span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: baseline;
    }
    .when {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class DeadlineComponent {
  readonly dueAt = input.required<string>();
  readonly workingDaysLeft = input<number | null>(null);
  /** Work finished with: the deadline it had, without time left. */
  readonly closed = input(false);

  private readonly format = inject(LocaleFormat);
  private readonly t = translate(REPAIRS_TEXT);
  protected readonly deadline = computed(() => describeDeadline(this.t(), this.dueAt(), this.workingDaysLeft()));
  protected readonly tone = computed(() => TONES[this.deadline().tone]);
  protected readonly when = computed(() => {
    const last = lastMoment(this.dueAt());
    return this.deadline().endOfDay ? this.t().byEndOf(this.format.date(last)) : this.t().by(this.format.dateTime(last));
  });
}
