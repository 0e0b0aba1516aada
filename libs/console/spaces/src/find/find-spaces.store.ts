import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError } from '@hearth/console-core';
import {
  SpacesAvailabilityDocument,
  SpacesBookDocument,
  SpacesQuotaDocument,
  SpacesVenuesDocument,
  type SpacesAvailabilityQuery,
  type SpacesBookMutation,
  type SpacesQuotaQuery,
  type SpacesVenuesQuery,
} from '../graphql.generated';

export type VenueWithSpaces = SpacesVenuesQuery['venues']['edges'][number]['node'];
export type DayAvailability = NonNullable<SpacesAvailabilityQuery['spaceAvailability']>;
export type QuotaStatus = SpacesQuotaQuery['spaceQuota'];
export type BookOutcome = SpacesBookMutation['bookSpace'];

export interface BookingRequest {
  spaceId: string;
  start: Date;
  end: Date;
  attendees: number;
  purpose: string;
}

/** The venues, one venue's day, the organisation's quota, and booking. */
@Injectable()
export class FindSpacesStore {
  private readonly api = inject(HearthApi);
  private latestDay = 0;

  readonly venues = signal<VenueWithSpaces[] | null>(null);
  readonly day = signal<DayAvailability | null>(null);
  readonly quota = signal<QuotaStatus | null>(null);
  readonly loading = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly booking = signal(false);
  readonly outcome = signal<BookOutcome | null>(null);
  readonly bookError = signal<ApiError | null>(null);

  async loadVenues(): Promise<void> {
    try {
      const { data } = await this.api.query(SpacesVenuesDocument, { includeInactive: false });
      this.venues.set(data.venues.edges.map((edge) => edge.node));
    } catch (error) {
      this.venues.set([]);
      this.error.set(asApiError(error));
    }
  }

  /** The venue's day; only the newest request may answer, so changing venue or date quickly never shows an older day. */
  async loadDay(venueId: string, date: string): Promise<void> {
    const request = ++this.latestDay;
    this.loading.set(true);
    try {
      const [{ data }, quota] = await Promise.all([
        this.api.query(SpacesAvailabilityDocument, { venueId, date }),
        this.api.query(SpacesQuotaDocument).catch(() => null),
      ]);
      if (request !== this.latestDay) return;
      this.day.set(data.spaceAvailability);
      this.quota.set(quota?.data.spaceQuota ?? null);
      this.error.set(null);
    } catch (error) {
      if (request !== this.latestDay) return;
      this.day.set(null);
      this.error.set(asApiError(error));
    } finally {
      if (request === this.latestDay) this.loading.set(false);
    }
  }

  async book(request: BookingRequest): Promise<BookOutcome | null> {
    this.booking.set(true);
    this.bookError.set(null);
    this.outcome.set(null);
    try {
      const { bookSpace } = await this.api.mutate(SpacesBookDocument, {
        input: { spaceId: request.spaceId, start: request.start.toISOString(), end: request.end.toISOString(), attendees: request.attendees, purpose: request.purpose },
      });
      this.outcome.set(bookSpace);
      return bookSpace;
    } catch (error) {
      this.bookError.set(asApiError(error));
      return null;
    } finally {
      this.booking.set(false);
    }
  }

  clearOutcome(): void {
    this.outcome.set(null);
    this.bookError.set(null);
  }
}
