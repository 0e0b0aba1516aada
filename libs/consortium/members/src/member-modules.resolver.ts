import { Args, Field, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, ANY_STAFF_ROLE, isGranted, Role } from '@hearth/platform-auth';
import { HearthError } from '@hearth/platform-core';
import { hearthContext } from '@hearth/platform-database';
import { requestLoader } from '@hearth/platform-graphql';
import { Member } from '@hearth/platform-kernel';
import { MemberModulesService } from './member-modules.service';

@ObjectType({ description: 'An installed module and whether one member has it switched on.' })
export class MemberModuleStatus {
  @Field() key!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field({ description: 'Core modules are on for every member and cannot be switched off.' }) core!: boolean;
  @Field(() => [String], { description: 'Modules it needs switched on too.' }) dependsOn!: readonly string[];
  @Field() enabled!: boolean;
}

const SEE_MODULES = { roles: [Role.ConsortiumAdmin] };

@Resolver(() => Member)
export class MemberModulesResolver {
  constructor(private readonly members: MemberModulesService) {}

  @Query(() => Member, { nullable: true, description: 'One member of the directory by its slug, or null when there is none.' })
  @Access({ roles: ANY_STAFF_ROLE })
  member(@Args('slug') slug: string): Promise<Member | null> {
    return this.members.findBySlug(slug);
  }

  @ResolveField(() => [MemberModuleStatus], {
    description: "Every installed module and whether this member has it on. Consortium admins only: it is the member's configuration.",
  })
  modules(@Parent() member: Member): Promise<MemberModuleStatus[]> {
    // Guards run per operation, not per field: a staff member may read the directory, not this.
    const actor = hearthContext.require().actor;
    if (!actor || !isGranted(SEE_MODULES, actor)) {
      throw new HearthError('FORBIDDEN', `Only a consortium admin may see a member's modules`);
    }
    return requestLoader('member.modules', (ids: readonly string[]) => this.members.modulesOf(ids)).load(member.id);
  }
}
