import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, PagedList, type ApiError } from '@hearth/console-core';
import {
  SpacesCalendarFeedDocument,
  SpacesCancelDocument,
  SpacesCheckInDocument,
  SpacesMyBookingsDocument,
  SpacesRotateCalendarFeedDocument,
  type SpacesBookingFragment,
  type SpacesCalendarFeedQuery,
} from '../graphql.generated';

export type CalendarFeed = SpacesCalendarFeedQuery['mySpaceCalendarFeed'];

/** What the last check-in or cancellation came to, for the page to say. */
export type BookingChange = { kind: 'checkedIn' | 'cancelled'; space: string } | { kind: 'refused'; code: string; message: string };

/** The signed-in person's bookings, checking in and cancelling, and their calendar feed. */
@Injectable()
export class MyBookingsStore {
  private readonly api = inject(HearthApi);

  readonly upcomingOnly = signal(true);
  readonly bookings = new PagedList<SpacesBookingFragment>(20, async (first, after) => {
    const { data } = await this.api.query(SpacesMyBookingsDocument, { first, after, upcomingOnly: this.upcomingOnly() });
    return data.mySpaceBookings;
  });
  readonly busy = signal(false);
  readonly lastChange = signal<BookingChange | null>(null);
  readonly changeError = signal<ApiError | null>(null);

  readonly feed = signal<CalendarFeed | null>(null);
  readonly feedError = signal<ApiError | null>(null);
  /** The address, in the one answer that made it; never fetched again. */
  readonly feedUrl = signal<string | null>(null);

  show(upcomingOnly: boolean): Promise<void> {
    this.upcomingOnly.set(upcomingOnly);
    return this.bookings.first();
  }

  checkIn(booking: SpacesBookingFragment): Promise<void> {
    return this.change(async () => {
      const { checkInSpaceBooking: result } = await this.api.mutate(SpacesCheckInDocument, { id: booking.id });
      this.lastChange.set(result.__typename === 'SpaceBooking' ? { kind: 'checkedIn', space: booking.space.name } : { kind: 'refused', code: result.code, message: result.message });
    });
  }

  cancel(booking: SpacesBookingFragment): Promise<void> {
    return this.change(async () => {
      const { cancelSpaceBooking: result } = await this.api.mutate(SpacesCancelDocument, { id: booking.id });
      this.lastChange.set(result.__typename === 'SpaceBooking' ? { kind: 'cancelled', space: booking.space.name } : { kind: 'refused', code: result.code, message: result.message });
    });
  }

  async loadFeed(): Promise<void> {
    try {
      this.feed.set((await this.api.query(SpacesCalendarFeedDocument)).data.mySpaceCalendarFeed);
      this.feedError.set(null);
    } catch (error) {
      this.feedError.set(asApiError(error));
    }
  }

  async rotateFeed(): Promise<void> {
    this.busy.set(true);
    try {
      const { rotateSpaceCalendarFeed } = await this.api.mutate(SpacesRotateCalendarFeedDocument);
      this.feed.set(rotateSpaceCalendarFeed);
      this.feedUrl.set(rotateSpaceCalendarFeed.url);
      this.feedError.set(null);
    } catch (error) {
      this.feedError.set(asApiError(error));
    } finally {
      this.busy.set(false);
    }
  }

  private async change(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.lastChange.set(null);
    this.changeError.set(null);
    try {
      await work();
      await this.bookings.reload();
    } catch (error) {
      this.changeError.set(asApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
