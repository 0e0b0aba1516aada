import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, type ApiError, type BookableSpaceInput, type VenueInput } from '@hearth/console-core';
import {
  SpacesSaveSpaceDocument,
  SpacesSaveVenueDocument,
  SpacesVenuesDocument,
  type SpacesSaveSpaceMutation,
  type SpacesSaveVenueMutation,
  type SpacesVenuesQuery,
} from '../graphql.generated';

export type KeptVenue = SpacesVenuesQuery['venues']['edges'][number]['node'];
export type VenueOutcome = SpacesSaveVenueMutation['saveVenue'];
export type SpaceOutcome = SpacesSaveSpaceMutation['saveBookableSpace'];

/** Every venue (taking bookings or not) with every desk and room, and saving them. */
@Injectable()
export class VenuesStore {
  private readonly api = inject(HearthApi);

  readonly venues = signal<KeptVenue[] | null>(null);
  readonly error = signal<ApiError | null>(null);
  readonly busy = signal(false);
  readonly saveError = signal<ApiError | null>(null);
  readonly message = signal<string | null>(null);

  async load(): Promise<void> {
    try {
      const { data } = await this.api.query(SpacesVenuesDocument, { includeInactive: true });
      this.venues.set(data.venues.edges.map((edge) => edge.node));
      this.error.set(null);
    } catch (error) {
      this.error.set(asApiError(error));
    }
  }

  saveVenue(input: VenueInput): Promise<VenueOutcome | null> {
    return this.save(async () => (await this.api.mutate(SpacesSaveVenueDocument, { input })).saveVenue);
  }

  saveSpace(input: BookableSpaceInput): Promise<SpaceOutcome | null> {
    return this.save(async () => (await this.api.mutate(SpacesSaveSpaceDocument, { input })).saveBookableSpace);
  }

  private async save<T extends { __typename: string }>(work: () => Promise<T>): Promise<T | null> {
    this.busy.set(true);
    this.saveError.set(null);
    this.message.set(null);
    try {
      const outcome = await work();
      if (outcome.__typename === 'Venue' || outcome.__typename === 'BookableSpace') await this.load();
      return outcome;
    } catch (error) {
      this.saveError.set(asApiError(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
