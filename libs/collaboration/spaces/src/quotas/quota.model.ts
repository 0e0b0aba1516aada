import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult, resultUnion } from '@hearth/platform-graphql';

@ObjectType({ description: 'A fair-use quota of the shared spaces: the consortium-wide default, or one organisation’s own.' })
export class SpaceQuota {
  @Field(() => ID, { nullable: true, description: 'The member or guest organisation it is for; null for the default everyone else has.' })
  organisationId!: string | null;
  @Field(() => String, { nullable: true }) organisationName!: string | null;
  @Field(() => Float, { description: 'Hours of bookings an organisation may hold in one week (Monday to Sunday).' }) hoursPerWeek!: number;
  @Field(() => Int, { description: 'Bookings one person may hold that are not yet checked in.' }) openBookingsPerPerson!: number;
}

@ObjectType({ description: "The caller's organisation's quota and what it has used in a week." })
export class SpaceQuotaStatus {
  @Field(() => SpaceQuota) quota!: SpaceQuota;
  @Field({ description: 'The Monday the week begins, YYYY-MM-DD.' }) weekStarting!: string;
  @Field(() => Float, { description: 'Hours of the organisation’s bookings in that week (booked or checked in).' }) hoursBooked!: number;
  @Field(() => Int, { description: 'The caller’s own bookings not yet checked in.' }) openBookings!: number;
}

@ObjectType({ implements: () => ErrorResult, description: 'No member or guest organisation has that id.' })
export class SpaceQuotaOrganisationNotFound implements ErrorResult {
  @Field() code!: 'SPACE_QUOTA_ORGANISATION_NOT_FOUND';
  @Field() message!: string;
}

export const SpaceQuotaResult = resultUnion('SpaceQuotaResult', 'The quota as set, or why not.', [SpaceQuota, SpaceQuotaOrganisationNotFound]);
