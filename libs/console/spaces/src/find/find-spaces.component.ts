import { ChangeDetectionStrategy, Component, computed, effect, ElementRef, inject, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorComponent, apiProblem, LocaleFormat, PageComponent, placeProblems, translate } from '@hearth/console-core';
import type { SpacesSpaceFragment } from '../graphql.generated';
import { BookingTimes } from '../shared/when';
import { isoWeekday, minutesOf, timeOf, ukDayOf, ukInstant, ukTimeOf } from '../shared/uk-time';
import { SPACES_TEXT } from '../spaces.text';
import { availabilityGrid, type GridCell } from './availability-grid';
import { FindSpacesStore } from './find-spaces.store';

/**
 * Finding and booking a desk or room: a venue's day as a grid of hours (free, taken, yours),
 * filtered by kind, size and accessibility; a free hour fills in the booking form; a clash
 * offers what is free instead.
 */
@Component({
  selector: 'hearth-find-spaces',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatCheckbox, MatError, MatFormField, MatInput, MatLabel, MatOption, MatProgressBar, MatSelect, PageComponent, ReactiveFormsModule],
  providers: [FindSpacesStore],
  templateUrl: './find-spaces.component.html',
  styleUrl: './find-spaces.component.scss',
})
export class FindSpacesComponent {
  protected readonly store = inject(FindSpacesStore);
  protected readonly format = inject(LocaleFormat);
  protected readonly times = inject(BookingTimes);
  protected readonly t = translate(SPACES_TEXT);
  protected readonly apiProblem = apiProblem;
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly bookHeading = viewChild<ElementRef<HTMLElement>>('bookHeading');
  /** The booking form's directive: resetting through it also forgets that it was submitted, so no field shows an error. */
  private readonly bookForm = viewChild('bookForm', { read: FormGroupDirective });

  protected readonly filters = this.fb.group({
    venueId: [''],
    date: [ukDayOf(new Date())],
    kind: [''],
    minSeats: [1],
    accessibility: [[] as string[]],
  });
  protected readonly form = this.fb.group({
    spaceId: ['', Validators.required],
    start: ['', Validators.required],
    end: ['', Validators.required],
    attendees: [1, [Validators.required, Validators.min(1)]],
    purpose: ['', Validators.maxLength(500)],
  });
  /** Problems the API found that belong to no field. */
  protected readonly formProblems = signal<string[]>([]);

  private readonly filterValue = toSignal(this.filters.valueChanges, { initialValue: this.filters.getRawValue() });
  private readonly chosenSpaceId = toSignal(this.form.controls.spaceId.valueChanges, { initialValue: '' });

  protected readonly venue = computed(() => this.store.venues()?.find((venue) => venue.id === this.filterValue().venueId) ?? null);
  protected readonly dayName = computed(() => {
    const date = this.filterValue().date;
    return date ? `${this.t().weekdays[isoWeekday(date) - 1]} ${this.format.date(date)}` : '';
  });
  /** Every accessibility feature some space of the venue has, to filter by. */
  protected readonly features = computed(() => [...new Set(this.venue()?.spaces.flatMap((space) => space.accessibility) ?? [])].sort());

  protected readonly matching = computed(() => {
    const { kind, minSeats, accessibility } = this.filterValue();
    return (this.store.day()?.spaces ?? []).filter(
      ({ space }) =>
        (!kind || space.kind === kind) && space.capacity >= (minSeats ?? 1) && (accessibility ?? []).every((feature) => space.accessibility.includes(feature)),
    );
  });
  protected readonly grid = computed(() => {
    const day = this.store.day();
    return day ? availabilityGrid(day.date, day.hours, this.matching(), new Date()) : { times: [], rows: [] };
  });
  protected readonly chosenSpace = computed(() => this.matching().find(({ space }) => space.id === this.chosenSpaceId())?.space ?? null);

  protected readonly quotaLine = computed(() => {
    const quota = this.store.quota();
    return quota ? this.t().find.quota(this.format.number(quota.hoursBooked), this.format.number(quota.quota.hoursPerWeek)) : null;
  });

  protected readonly outcomeMessage = computed(() => {
    const outcome = this.store.outcome();
    if (!outcome) return null;
    if (outcome.__typename === 'SpaceBooking') return this.t().book.booked(outcome.space.name, this.times.when(outcome.start, outcome.end));
    if (outcome.__typename === 'BookingQuotaExceeded') return (this.t().book.quota[outcome.quota] ?? (() => outcome.message))(outcome.used, outcome.limit, outcome.requested);
    if (outcome.__typename === 'BookingClash') return outcome.alternatives.length ? this.t().book.clash : this.t().book.noAlternatives;
    return null;
  });

  constructor() {
    void this.store.loadVenues().then(() => {
      const first = this.store.venues()?.[0];
      if (first && !this.filters.controls.venueId.value) this.filters.controls.venueId.setValue(first.id);
    });
    effect(() => {
      const { venueId, date } = this.filterValue();
      untracked(() => {
        if (venueId && date) void this.store.loadDay(venueId, date);
      });
    });
  }

  protected cellLabel(space: SpacesSpaceFragment, cell: GridCell): string {
    return this.t().find.bookFrom(space.name, cell.time);
  }

  /** A free hour fills in the form (the hour, or the rest of the day if less) and moves to it. */
  protected pick(space: SpacesSpaceFragment, cell: GridCell): void {
    const closes = this.store.day()?.hours?.closes ?? '24:00';
    this.store.clearOutcome();
    this.form.patchValue({ spaceId: space.id, start: cell.time, end: timeOf(Math.min(minutesOf(cell.time) + 60, minutesOf(closes))), attendees: 1 });
    this.bookHeading()?.nativeElement.focus();
  }

  protected toggleFeature(feature: string, on: boolean): void {
    const chosen = new Set(this.filters.controls.accessibility.value);
    if (on) chosen.add(feature);
    else chosen.delete(feature);
    this.filters.controls.accessibility.setValue([...chosen]);
  }

  protected async book(): Promise<void> {
    this.form.markAllAsTouched();
    this.formProblems.set([]);
    const { spaceId, start, end, attendees, purpose } = this.form.getRawValue();
    if (this.form.invalid) return;
    const date = this.filters.controls.date.value;
    // 24:00 (or an end before the start) means midnight at the end of the day.
    const endAt = ukInstant(date, end === '00:00' ? '24:00' : end);
    const startAt = ukInstant(date, start);
    if (endAt <= startAt) {
      this.form.controls.end.setErrors({ api: this.t().book.endAfterStart });
      return;
    }
    const outcome = await this.store.book({ spaceId, start: startAt, end: endAt, attendees, purpose: purpose.trim() });
    if (!outcome) return;
    if (outcome.__typename === 'BookingInvalid') {
      const fields: Record<string, keyof typeof this.form.controls> = { spaceId: 'spaceId', start: 'start', end: 'end', attendees: 'attendees', purpose: 'purpose' };
      this.formProblems.set(placeProblems(outcome.problems, (field) => (fields[field] ? this.form.controls[fields[field]] : null)));
      return;
    }
    if (outcome.__typename === 'SpaceBooking') this.clearForm();
    await this.reloadDay();
  }

  /** Books an alternative a clash offered, on its own day and times. */
  protected async bookAlternative(alternative: { start: string; end: string; space: SpacesSpaceFragment }): Promise<void> {
    const { attendees, purpose } = this.form.getRawValue();
    const outcome = await this.store.book({
      spaceId: alternative.space.id,
      start: new Date(alternative.start),
      end: new Date(alternative.end),
      attendees: Math.min(attendees, alternative.space.capacity),
      purpose: purpose.trim(),
    });
    if (outcome?.__typename === 'SpaceBooking') this.clearForm();
    await this.reloadDay();
  }

  protected alternativeWhen(alternative: { start: string; end: string }): string {
    return this.times.when(alternative.start, alternative.end);
  }

  protected timeRange(start: string, end: string): string {
    return this.t().timeRange(ukTimeOf(start), ukTimeOf(end));
  }

  private clearForm(): void {
    const empty = { spaceId: '', start: '', end: '', attendees: 1, purpose: '' };
    const directive = this.bookForm();
    if (directive) directive.resetForm(empty);
    else this.form.reset(empty);
  }

  private reloadDay(): Promise<void> {
    const { venueId, date } = this.filters.getRawValue();
    return venueId && date ? this.store.loadDay(venueId, date) : Promise.resolve();
  }
}
