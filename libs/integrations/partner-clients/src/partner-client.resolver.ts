import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { IdArg } from '@hearth/platform-graphql';
import {
  PartnerClient,
  PartnerScope,
  RegisterPartnerClientResult,
  ReinstatePartnerClientResult,
  RotatePartnerClientSecretResult,
  SuspendPartnerClientResult,
  UpdatePartnerClientResult,
} from './partner-client.model';
import { PartnerClientService } from './partner-client.service';
import { RegisterPartnerClientInput, UpdatePartnerClientInput } from './dto/partner-client.input';
import { partnerClientPermissions as can } from './partner-clients.permissions';

@Resolver(() => PartnerClient)
export class PartnerClientResolver {
  constructor(private readonly service: PartnerClientService) {}

  @Query(() => [PartnerScope], { description: "The OAuth scopes a partner client may be granted: every scope an installed module's permissions name." })
  @Access(can.manage)
  partnerScopes(): PartnerScope[] {
    return this.service.scopes();
  }

  @Query(() => [PartnerClient], { description: "This member's partner clients, oldest first." })
  @Access(can.manage)
  partnerClients(): Promise<PartnerClient[]> {
    return this.service.list();
  }

  @Query(() => PartnerClient, { nullable: true })
  @Access(can.manage)
  partnerClient(@IdArg('id') id: string): Promise<PartnerClient | null> {
    return this.service.find(id);
  }

  @Mutation(() => RegisterPartnerClientResult, { description: 'Registers a partner client; its secret is in the answer, once.' })
  @Access(can.manage)
  registerPartnerClient(@Args('input') input: RegisterPartnerClientInput): Promise<typeof RegisterPartnerClientResult> {
    return this.service.register(input);
  }

  @Mutation(() => UpdatePartnerClientResult, { description: "Changes a client's scopes, rate limit or description." })
  @Access(can.manage)
  updatePartnerClient(@Args('input') input: UpdatePartnerClientInput): Promise<typeof UpdatePartnerClientResult> {
    return this.service.update(input);
  }

  @Mutation(() => SuspendPartnerClientResult, { description: "Suspends a client: its tokens are refused from the next request, even unexpired ones." })
  @Access(can.manage)
  suspendPartnerClient(@IdArg('id') id: string, @Args('reason') reason: string): Promise<typeof SuspendPartnerClientResult> {
    return this.service.suspend(id, reason);
  }

  @Mutation(() => ReinstatePartnerClientResult)
  @Access(can.manage)
  reinstatePartnerClient(@IdArg('id') id: string): Promise<typeof ReinstatePartnerClientResult> {
    return this.service.reinstate(id);
  }

  @Mutation(() => RotatePartnerClientSecretResult, { description: 'Issues a new secret (in the answer, once); the old one stops working.' })
  @Access(can.manage)
  rotatePartnerClientSecret(@IdArg('id') id: string): Promise<typeof RotatePartnerClientSecretResult> {
    return this.service.rotateSecret(id);
  }
}
