import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink, type Params } from '@angular/router';
import { ApiErrorComponent, BarChartComponent, LanguageService, LineChartComponent, LocaleFormat, PageComponent, translate, type ChartDatum } from '@hearth/console-core';
import { FigureComponent } from '../figure/figure.component';
import { ARREARS_WEEKS, DashboardStore } from './dashboard.store';
import { DASHBOARD_TEXT } from './dashboard.text';

interface Figure {
  key: string;
  label: string;
  value: string;
  note: string | null;
  link: string;
  queryParams?: Params;
  attention?: boolean;
}

/** The console's home: a member's repairs, hazards and arrears now, each figure a way into its list. */
@Component({
  selector: 'hearth-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, BarChartComponent, FigureComponent, LineChartComponent, MatProgressBar, PageComponent, RouterLink],
  providers: [DashboardStore],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.scss',
})
export class DashboardComponent {
  protected readonly store = inject(DashboardStore);
  protected readonly format = inject(LocaleFormat);
  protected readonly t = translate(DASHBOARD_TEXT);
  protected readonly shared = inject(LanguageService).t;
  protected readonly arrearsWeeks = ARREARS_WEEKS;

  /** Compact money for the chart's axis ("£1.5k"), which LocaleFormat does not offer; numbers read alike in both languages. */
  private readonly compactMoneyFormat = computed(
    () => new Intl.NumberFormat([this.format.locale(), 'en-GB'], { style: 'currency', currency: 'GBP', notation: 'compact', maximumFractionDigits: 1 }),
  );

  protected readonly memberCount = computed(() => {
    const count = this.store.memberCount();
    return count === null ? null : this.t().memberCount(this.format.number(count));
  });

  protected readonly repairFigures = computed<Figure[]>(() => {
    const figures = this.store.repairs.data();
    if (!figures) return [];
    const t = this.t().repairs;
    const n = (value: number) => this.format.number(value);
    // nearBreachBefore is the midnight that ends the next working day: the day named is the one before it.
    const lastDay = this.format.date(new Date(Date.parse(figures.nearBreachBefore) - 1));
    return [
      { key: 'open-repairs', label: t.openRepairs, value: n(figures.openRepairs), note: t.awaitingTriage(n(figures.awaitingTriage)), link: '/repairs' },
      {
        key: 'breached', label: t.breached, value: n(figures.breached), note: t.breachedNote, link: '/repairs/board',
        queryParams: { breached: 'true' }, attention: figures.breached > 0,
      },
      { key: 'near-breach', label: t.nearBreach, value: n(figures.nearBreach), note: t.nearBreachNote(lastDay), link: '/repairs/board' },
    ];
  });

  protected readonly hazardFigures = computed<Figure[]>(() => {
    const figures = this.store.repairs.data();
    if (!figures) return [];
    const t = this.t().hazards;
    const n = (value: number) => this.format.number(value);
    return [
      { key: 'clocks-running', label: t.running, value: n(figures.hazardClocksRunning), note: t.runningNote(n(figures.openHazardCases)), link: '/repairs/hazards' },
      { key: 'clocks-due-soon', label: t.dueSoon, value: n(figures.hazardClocksDueSoon), note: t.dueSoonNote, link: '/repairs/hazards' },
      {
        key: 'clocks-missed', label: t.missed, value: n(figures.hazardClocksMissed), note: t.missedNote, link: '/repairs/hazards',
        queryParams: { overdue: 'true' }, attention: figures.hazardClocksMissed > 0,
      },
    ];
  });

  protected readonly arrearsFigures = computed<Figure[]>(() => {
    const figures = this.store.arrears.data();
    if (!figures) return [];
    const t = this.t().arrears;
    const n = (value: number) => this.format.number(value);
    const inArrears = { inArrears: 'true' };
    return [
      { key: 'arrears-total', label: t.total, value: this.format.money(figures.totalPence), note: t.totalNote(n(figures.accountsInArrears)), link: '/rent', queryParams: inArrears },
      { key: 'accounts-in-arrears', label: t.accounts, value: n(figures.accountsInArrears), note: t.accountsNote(n(figures.openAccounts)), link: '/rent', queryParams: inArrears },
    ];
  });

  protected readonly statusBars = computed<ChartDatum[]>(() => {
    const statuses = this.t().statuses;
    return (this.store.repairs.data()?.workOrdersByStatus ?? []).map(({ status, count }) => ({
      label: statuses[status],
      value: count,
      text: this.format.number(count),
    }));
  });

  protected readonly rp02Bars = computed<ChartDatum[]>(() => {
    const t = this.t().repairs;
    return (this.store.repairs.data()?.completedInTarget ?? []).map((month) => ({
      label: this.format.month(month.month),
      value: month.percentWithinTarget ?? 0,
      text:
        month.percentWithinTarget === null
          ? t.noneCompleted
          : t.withinTarget(this.format.percent(month.percentWithinTarget / 100), this.format.number(month.withinTarget), this.format.number(month.completed)),
    }));
  });

  protected readonly anyCompleted = computed(() => (this.store.repairs.data()?.completedInTarget ?? []).some((month) => month.completed > 0));

  protected readonly arrearsPoints = computed<ChartDatum[]>(() =>
    (this.store.arrears.data()?.weeks ?? []).map((week) => ({
      label: this.format.date(week.on),
      axisLabel: this.format.dayMonth(week.on),
      value: week.totalPence,
      text: this.format.money(week.totalPence),
    })),
  );

  protected readonly arrearsSummary = computed(() => {
    const points = this.arrearsPoints();
    if (!points.length) return '';
    const first = points[0];
    const last = points[points.length - 1];
    const highest = points.reduce((top, point) => (point.value > top.value ? point : top));
    return this.t().arrears.trendSummary(first.text, first.label, last.text, last.label, highest.text, highest.label);
  });

  protected readonly compactMoney = computed(() => {
    const money = this.compactMoneyFormat();
    return (pence: number) => money.format(pence / 100);
  });

  /** A bar chart's summary: its name, then each bar's label and value. */
  protected describe(caption: string, data: readonly ChartDatum[]): string {
    return `${caption}: ${data.map((datum) => `${datum.label} ${datum.text}`).join('; ')}.`;
  }
}
