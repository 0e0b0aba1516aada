import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { GuestOrganisationEntity } from '@hearth/platform-database';

export enum GuestOrganisationKind {
  COUNCIL = 'council',
  HEALTH_BOARD = 'health_board',
  CHARITY = 'charity',
  OTHER = 'other',
}
registerEnumType(GuestOrganisationKind, { name: 'GuestOrganisationKind' });

@ObjectType({
  description:
    'An organisation invited to use the shared spaces and events without being a member (a council, a health board). ' +
    "Its staff can book and take part; they see nothing of any member's housing data.",
})
export class GuestOrganisation {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => GuestOrganisationKind) kind!: GuestOrganisationKind;
  @Field({ description: 'False once the consortium has suspended the invitation.' }) active!: boolean;

  static from(entity: GuestOrganisationEntity): GuestOrganisation {
    return Object.assign(new GuestOrganisation(), {
      id: entity.id,
      slug: entity.slug,
      name: entity.name,
      kind: entity.kind as GuestOrganisationKind,
      active: entity.status === 'active',
    });
  }
}
