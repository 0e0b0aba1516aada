import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { ApiErrorComponent, FORMAT_PIPES, PageComponent, PagerComponent, SessionStore, translate, type RepairStatus } from '@hearth/console-core';
import { REPAIRS_TEXT } from '../repairs.text';
import { BadgeComponent } from '../shared/badge/badge.component';
import { DeadlineComponent } from '../shared/deadline/deadline.component';
import { nextTarget, priorityName, repairStatusTone } from '../shared/repair-view';
import { REPAIR_STATUSES, RepairListStore } from './repair-list.store';

/** Repairs, newest first, a page at a time; the filters live in the address so a filtered list can be shared. */
@Component({
  selector: 'hearth-repair-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ApiErrorComponent, BadgeComponent, DeadlineComponent, FORMAT_PIPES, MatButton, MatFormField, MatLabel, MatOption, MatProgressBar, MatSelect,
    PageComponent, PagerComponent, RouterLink,
  ],
  providers: [RepairListStore],
  templateUrl: './repair-list.component.html',
  styleUrl: './repair-list.component.scss',
})
export class RepairListComponent {
  /** From the query string: `/repairs?status=REPORTED&priority=urgent`. */
  readonly status = input<string | undefined>();
  readonly priority = input<string | undefined>();

  protected readonly store = inject(RepairListStore);
  protected readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  protected readonly t = translate(REPAIRS_TEXT);
  protected readonly statuses = REPAIR_STATUSES;
  protected readonly nextTarget = nextTarget;
  protected readonly statusTone = repairStatusTone;

  protected readonly statusFilter = computed(() => {
    const status = this.status();
    return REPAIR_STATUSES.includes(status as RepairStatus) ? (status as RepairStatus) : null;
  });
  protected readonly priorityFilter = computed(() => this.priority() || null);
  protected readonly canReport = computed(() => this.session.canOpen('repairs'));

  constructor() {
    void this.store.loadPriorities();
    effect(() => {
      const status = this.statusFilter();
      const priority = this.priorityFilter();
      untracked(() => void this.store.show(status, priority));
    });
  }

  protected priorityName(code: string | null): string {
    return priorityName(this.store.priorities(), code);
  }

  protected filterBy(change: { status?: string | null; priority?: string | null }): void {
    void this.router.navigate([], { queryParams: change, queryParamsHandling: 'merge' });
  }
}
