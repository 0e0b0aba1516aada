import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, PageComponent, translate } from '@hearth/console-core';
import type { HazardCaseFieldsFragment } from '../graphql.generated';
import { HazardDialogComponent, type HazardDialogData } from '../hazard-dialog/hazard-dialog.component';
import type { HazardAction } from '../hazard-dialog/hazard-dialog.store';
import { REPAIRS_TEXT } from '../repairs.text';
import { BadgeComponent } from '../shared/badge/badge.component';
import { HazardClockComponent } from '../shared/hazard-clock/hazard-clock.component';
import { repairStatusTone } from '../shared/repair-view';
import { HazardCaseStore } from './hazard-case.store';

/** A hazard case: its clocks with time left, the investigation, linked repairs, accommodation offered, and what can be done next. */
@Component({
  selector: 'hearth-hazard-case',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, BadgeComponent, FORMAT_PIPES, HazardClockComponent, MatButton, MatProgressBar, PageComponent, RouterLink],
  providers: [HazardCaseStore],
  templateUrl: './hazard-case.component.html',
  styleUrl: './hazard-case.component.scss',
})
export class HazardCaseComponent {
  readonly id = input.required<string>();

  protected readonly store = inject(HazardCaseStore);
  private readonly dialog = inject(MatDialog);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly repairTone = repairStatusTone;

  /** The actions the API would accept now: a closed case takes none, and the investigation is recorded once. */
  protected readonly actions = computed<HazardAction[]>(() => {
    const hazard = this.store.hazard();
    if (!hazard || hazard.status === 'CLOSED') return [];
    const milestones = hazard.clocks.some((clock) => (clock.status === 'RUNNING' || clock.status === 'MISSED') && clock.clock !== 'INVESTIGATE');
    return [
      ...(hazard.investigatedAt ? [] : (['investigate'] as const)),
      ...(milestones ? (['milestone'] as const) : []),
      'link', 'accommodation', 'close',
    ];
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id));
    });
  }

  protected open(hazard: HazardCaseFieldsFragment, action: HazardAction): void {
    this.dialog
      .open<HazardDialogComponent, HazardDialogData, HazardCaseFieldsFragment>(HazardDialogComponent, { data: { hazard, action }, autoFocus: 'first-tabbable' })
      .afterClosed()
      .subscribe((changed) => {
        if (changed) this.store.changed(changed);
      });
  }
}
