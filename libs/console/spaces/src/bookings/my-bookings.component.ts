import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatInput, MatLabel } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ApiErrorComponent, LocaleFormat, PageComponent, PagerComponent, translate } from '@hearth/console-core';
import type { SpacesBookingFragment } from '../graphql.generated';
import { BookingTimes } from '../shared/when';
import { SPACES_TEXT } from '../spaces.text';
import { MyBookingsStore } from './my-bookings.store';

/** The signed-in person's bookings: check in on arrival, cancel before the start; and the calendar feed of them. */
@Component({
  selector: 'hearth-my-bookings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ApiErrorComponent, MatButton, MatButtonToggle, MatButtonToggleGroup, MatFormField, MatInput, MatLabel, MatProgressBar, PageComponent, PagerComponent],
  providers: [MyBookingsStore],
  templateUrl: './my-bookings.component.html',
  styleUrl: './my-bookings.component.scss',
})
export class MyBookingsComponent {
  protected readonly store = inject(MyBookingsStore);
  protected readonly bookings = this.store.bookings;
  protected readonly format = inject(LocaleFormat);
  protected readonly times = inject(BookingTimes);
  protected readonly t = translate(SPACES_TEXT);
  protected readonly copied = signal(false);
  /** Read once a render, so buttons appear as check-in opens. */
  private readonly now = signal(Date.now());

  protected readonly changeMessage = computed(() => {
    const change = this.store.lastChange();
    if (!change) return null;
    if (change.kind === 'refused') return this.t().mine.problems[change.code] ?? change.message;
    return change.kind === 'checkedIn' ? this.t().mine.checkedIn(change.space) : this.t().mine.cancelled(change.space);
  });

  constructor() {
    void this.bookings.first();
    void this.store.loadFeed();
  }

  protected canCheckIn(booking: SpacesBookingFragment): boolean {
    const now = this.now();
    return booking.status === 'BOOKED' && Date.parse(booking.checkInOpensAt) <= now && now <= Date.parse(booking.checkInClosesAt);
  }

  protected canCancel(booking: SpacesBookingFragment): boolean {
    return booking.status === 'BOOKED' && this.now() < Date.parse(booking.start);
  }

  protected async checkIn(booking: SpacesBookingFragment): Promise<void> {
    await this.store.checkIn(booking);
    this.now.set(Date.now());
  }

  protected async cancel(booking: SpacesBookingFragment): Promise<void> {
    await this.store.cancel(booking);
    this.now.set(Date.now());
  }

  protected async show(upcomingOnly: boolean): Promise<void> {
    this.now.set(Date.now());
    await this.store.show(upcomingOnly);
  }

  protected async copy(url: string): Promise<void> {
    await navigator.clipboard?.writeText(url).catch(() => undefined);
    this.copied.set(true);
  }

  protected async rotate(): Promise<void> {
    this.copied.set(false);
    await this.store.rotateFeed();
  }
}
