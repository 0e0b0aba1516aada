import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorComponent, BarChartComponent, LocaleFormat, PageComponent, SessionStore, translate, type ChartDatum } from '@hearth/console-core';
import { ukDayOf } from '../shared/uk-time';
import { SPACES_TEXT } from '../spaces.text';
import { UsageStore } from './usage.store';

/** The first and last day of the month a day is in. */
export function monthOf(day: string): { from: string; to: string } {
  const [year, month] = day.split('-').map(Number);
  return { from: `${day.slice(0, 7)}-01`, to: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) };
}

/**
 * Use of the shared spaces for sharing their costs: per organisation (a bar chart of hours used,
 * with its table) and per organisation and venue. Consortium admins see every organisation and
 * keep the default fair-use quota; anyone else sees their own organisation's.
 */
@Component({
  selector: 'hearth-space-usage',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, BarChartComponent, MatButton, MatError, MatFormField, MatInput, MatLabel, MatProgressBar, PageComponent, ReactiveFormsModule],
  providers: [UsageStore],
  templateUrl: './usage.component.html',
  styleUrl: './usage.component.scss',
})
export class UsageComponent {
  protected readonly store = inject(UsageStore);
  protected readonly format = inject(LocaleFormat);
  protected readonly session = inject(SessionStore);
  protected readonly t = translate(SPACES_TEXT);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly period = this.fb.group({ ...monthOf(ukDayOf(new Date())) });
  protected readonly quotaForm = this.fb.group({
    hoursPerWeek: [40, [Validators.required, Validators.min(0.5), Validators.max(168)]],
    openBookingsPerPerson: [10, [Validators.required, Validators.min(1), Validators.max(100)]],
  });

  protected readonly bars = computed<ChartDatum[]>(() =>
    (this.store.report()?.organisations ?? []).map((total) => ({
      label: total.organisationName,
      value: total.hoursUsed,
      text: this.t().usage.hours(this.format.number(total.hoursUsed)),
    })),
  );
  protected readonly chartSummary = computed(() => this.t().usage.chartSummary(this.bars().map((bar) => `${bar.label} ${bar.text}`).join(', ')));

  constructor() {
    void this.show();
    if (this.session.isConsortiumAdmin()) void this.store.loadQuotas();
    effect(() => {
      const quota = this.store.defaultQuota();
      untracked(() => {
        if (quota) this.quotaForm.setValue({ hoursPerWeek: quota.hoursPerWeek, openBookingsPerPerson: quota.openBookingsPerPerson });
      });
    });
  }

  protected show(): Promise<void> {
    const { from, to } = this.period.getRawValue();
    return this.store.load(from, to);
  }

  protected async saveQuota(): Promise<void> {
    this.quotaForm.markAllAsTouched();
    if (this.quotaForm.invalid) return;
    const { hoursPerWeek, openBookingsPerPerson } = this.quotaForm.getRawValue();
    await this.store.saveDefaultQuota(Number(hoursPerWeek), Number(openBookingsPerPerson));
  }
}
