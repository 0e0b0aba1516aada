import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { ANY_STAFF_ROLE } from '@hearth/platform-auth';
import { Access } from '@hearth/platform-auth';
import { Connection, connectionCost, PageArgs, type ConnectionShape } from '@hearth/platform-graphql';
import { Member } from '@hearth/platform-kernel';
import { MemberService } from './member.service';

@ObjectType()
export class MemberConnection extends Connection(Member) {}

@Resolver(() => Member)
export class MemberResolver {
  constructor(private readonly directory: MemberService) {}

  @Query(() => MemberConnection, { description: "The consortium's member directory, by name.", complexity: connectionCost })
  @Access({ roles: ANY_STAFF_ROLE })
  members(@Args() page: PageArgs): Promise<ConnectionShape<Member>> {
    return this.directory.list(page);
  }
}
