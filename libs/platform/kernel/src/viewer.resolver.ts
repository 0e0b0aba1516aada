import { Field, ObjectType, Query, Resolver, registerEnumType } from '@nestjs/graphql';
import { SignedIn } from '@hearth/platform-auth';
import { GuestOrganisationEntity, hearthContext, TenantEntity, TransactionManager } from '@hearth/platform-database';
import { GuestOrganisation } from './guest-organisation.model';
import { Member } from './member.model';

export enum PrincipalKind {
  USER = 'user',
  PARTNER = 'partner',
  SYSTEM = 'system',
}
registerEnumType(PrincipalKind, { name: 'PrincipalKind' });

@ObjectType({ description: 'Who is signed in, and for which member they are working.' })
export class Viewer {
  @Field({ description: 'Keycloak subject for people, client id for partners.' }) subject!: string;
  @Field(() => PrincipalKind) kind!: PrincipalKind;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) username?: string;
  @Field(() => [String]) roles!: readonly string[];
  @Field(() => [String], { description: 'OAuth scopes granted to a partner client.' }) scopes!: readonly string[];
  @Field(() => Member, { nullable: true, description: 'The member this request works for, if any.' }) member!: Member | null;
  @Field(() => GuestOrganisation, { nullable: true, description: 'The guest organisation a guest works for (then member is null).' })
  guestOrganisation!: GuestOrganisation | null;
  @Field({ description: 'True when a consortium admin is acting for a member that is not their own.' }) actingFor!: boolean;
}

@Resolver(() => Viewer)
export class ViewerResolver {
  constructor(private readonly transactions: TransactionManager) {}

  @Query(() => Viewer, { description: 'The signed-in person or partner.' })
  @SignedIn()
  async me(): Promise<Viewer> {
    const context = hearthContext.require();
    const actor = context.actor!;
    const member = context.tenantId
      ? await (await this.transactions.repository(TenantEntity)).findOneByOrFail({ id: context.tenantId })
      : null;
    const guest = context.guestOrganisationId
      ? await (await this.transactions.repository(GuestOrganisationEntity)).findOneByOrFail({ id: context.guestOrganisationId })
      : null;
    return {
      subject: actor.id,
      kind: actor.kind as PrincipalKind,
      name: actor.name,
      email: actor.email,
      username: actor.username,
      roles: actor.roles,
      scopes: actor.scopes,
      member: member ? Member.from(member) : null,
      guestOrganisation: guest ? GuestOrganisation.from(guest) : null,
      actingFor: context.actingFor,
    };
  }
}
