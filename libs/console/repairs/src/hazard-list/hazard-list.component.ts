import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, PageComponent, PagerComponent, translate, type HazardCaseStatus } from '@hearth/console-core';
import { REPAIRS_TEXT } from '../repairs.text';
import { BadgeComponent } from '../shared/badge/badge.component';
import { HazardClockComponent } from '../shared/hazard-clock/hazard-clock.component';
import { HazardListStore } from './hazard-list.store';

const CASE_STATUSES: readonly HazardCaseStatus[] = ['OPEN', 'CLOSED'];

/** Hazard cases with every statutory clock's time left or overdue; filters in the address (`?status=OPEN&overdue=true`). */
@Component({
  selector: 'hearth-hazard-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, BadgeComponent, FORMAT_PIPES, HazardClockComponent, MatCheckbox, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect,
    PageComponent, PagerComponent, RouterLink,
  ],
  providers: [HazardListStore],
  templateUrl: './hazard-list.component.html',
  styleUrl: './hazard-list.component.scss',
})
export class HazardListComponent {
  readonly status = input<string | undefined>();
  readonly overdue = input<string | undefined>();

  protected readonly store = inject(HazardListStore);
  private readonly router = inject(Router);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly statuses = CASE_STATUSES;

  protected readonly statusFilter = computed(() => {
    const status = this.status();
    return CASE_STATUSES.includes(status as HazardCaseStatus) ? (status as HazardCaseStatus) : null;
  });
  protected readonly overdueOnly = computed(() => this.overdue() === 'true');

  constructor() {
    effect(() => {
      const status = this.statusFilter();
      const overdue = this.overdueOnly();
      untracked(() => void this.store.show({ ...(status ? { status } : {}), ...(overdue ? { overdue: true } : {}) }));
    });
  }

  protected filterBy(change: { status?: string | null; overdue?: string | null }): void {
    void this.router.navigate([], { queryParams: change, queryParamsHandling: 'merge' });
  }
}
