import { Field, ObjectType } from '@nestjs/graphql';
import { Connection, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';
import { GuestOrganisation } from '@hearth/platform-kernel';

@ObjectType()
export class GuestOrganisationConnection extends Connection(GuestOrganisation) {}

@ObjectType({ description: 'A guest organisation invited, and what was done in Keycloak for its people to sign in.' })
export class GuestOrganisationInvitation {
  @Field(() => GuestOrganisation) guestOrganisation!: GuestOrganisation;
  @Field({ description: 'created, unchanged or skipped (when Hearth has no Keycloak admin credentials).' }) identityOutcome!: string;
  @Field() identityDetail!: string;
}

@ObjectType({ implements: () => ErrorResult, description: 'A member or guest organisation already has that slug or Keycloak organisation. Nothing was saved.' })
export class GuestOrganisationTaken implements ErrorResult {
  @Field() code!: 'GUEST_ORGANISATION_TAKEN';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];
}

@ObjectType({ implements: () => ErrorResult, description: 'No guest organisation has that id.' })
export class GuestOrganisationNotFound implements ErrorResult {
  @Field() code!: 'GUEST_ORGANISATION_NOT_FOUND';
  @Field() message!: string;
}

export const GuestOrganisationInviteResult = resultUnion('GuestOrganisationInviteResult', 'The guest organisation invited, or why not.', [
  GuestOrganisationInvitation, GuestOrganisationTaken,
]);

export const GuestOrganisationStatusResult = resultUnion('GuestOrganisationStatusResult', 'The guest organisation after the change, or why not.', [
  GuestOrganisation, GuestOrganisationNotFound,
]);
