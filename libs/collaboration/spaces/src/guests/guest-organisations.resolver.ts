import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg, PageArgs, type ConnectionShape } from '@hearth/platform-graphql';
import { GuestOrganisation } from '@hearth/platform-kernel';
import { spacesPermissions as can } from '../spaces.permissions';
import { GuestOrganisationInviteInput } from './dto/guest-organisation-invite.input';
import { GuestOrganisationConnection, GuestOrganisationInviteResult, GuestOrganisationStatusResult } from './guest-organisation.results';
import { GuestOrganisationsService } from './guest-organisations.service';

@Resolver(() => GuestOrganisation)
export class GuestOrganisationsResolver {
  constructor(private readonly guests: GuestOrganisationsService) {}

  @Query(() => GuestOrganisationConnection, { description: 'Guest organisations invited to the shared spaces and events, by name.', complexity: connectionCost })
  @Access(can.manageGuests)
  guestOrganisations(@Args() page: PageArgs): Promise<ConnectionShape<GuestOrganisation>> {
    return this.guests.list(page);
  }

  @Mutation(() => GuestOrganisationInviteResult, {
    description: 'Invites a council, health board or charity: its people can then book spaces and take part in events, and see nothing of any member’s data.',
  })
  @Access(can.manageGuests)
  inviteGuestOrganisation(@Args('input') input: GuestOrganisationInviteInput): Promise<typeof GuestOrganisationInviteResult> {
    return this.guests.invite(input);
  }

  @Mutation(() => GuestOrganisationStatusResult, { description: 'Suspends a guest organisation (its people can no longer sign in) or reactivates it.' })
  @Access(can.manageGuests)
  setGuestOrganisationStatus(@IdArg('id') id: string, @Args('active') active: boolean): Promise<typeof GuestOrganisationStatusResult> {
    return this.guests.setStatus(id, active);
  }
}
