import { inject, Injectable, signal } from '@angular/core';
import { asApiError, HearthApi, PagedList, type ApiError, type GuestOrganisationInviteInput } from '@hearth/console-core';
import {
  SpacesGuestOrganisationsDocument,
  SpacesGuestStatusDocument,
  SpacesInviteGuestDocument,
  type SpacesGuestOrganisationsQuery,
  type SpacesInviteGuestMutation,
} from '../graphql.generated';

export type Guest = SpacesGuestOrganisationsQuery['guestOrganisations']['edges'][number]['node'];
export type InviteOutcome = SpacesInviteGuestMutation['inviteGuestOrganisation'];

/** The guest directory, inviting and suspending or reactivating. */
@Injectable()
export class GuestsStore {
  private readonly api = inject(HearthApi);

  readonly guests = new PagedList<Guest>(25, async (first, after) => (await this.api.query(SpacesGuestOrganisationsDocument, { first, after })).data.guestOrganisations);
  readonly busy = signal(false);
  readonly error = signal<ApiError | null>(null);
  readonly message = signal<string | null>(null);

  async invite(input: GuestOrganisationInviteInput): Promise<InviteOutcome | null> {
    return this.change(async () => {
      const { inviteGuestOrganisation } = await this.api.mutate(SpacesInviteGuestDocument, { input });
      if (inviteGuestOrganisation.__typename === 'GuestOrganisationInvitation') await this.guests.first();
      return inviteGuestOrganisation;
    });
  }

  async setActive(guest: Guest, active: boolean): Promise<boolean> {
    const done = await this.change(async () => {
      const { setGuestOrganisationStatus } = await this.api.mutate(SpacesGuestStatusDocument, { id: guest.id, active });
      await this.guests.reload();
      return setGuestOrganisationStatus.__typename === 'GuestOrganisation';
    });
    return done ?? false;
  }

  private async change<T>(work: () => Promise<T>): Promise<T | null> {
    this.busy.set(true);
    this.error.set(null);
    this.message.set(null);
    try {
      return await work();
    } catch (error) {
      this.error.set(asApiError(error));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
