import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { spacesPermissions as can } from '../spaces.permissions';
import { SpaceQuotaInput } from './dto/space-quota.input';
import { SpaceQuota, SpaceQuotaResult, SpaceQuotaStatus } from './quota.model';
import { QuotasService } from './quotas.service';

@Resolver(() => SpaceQuota)
export class QuotasResolver {
  constructor(private readonly quotas: QuotasService) {}

  @Query(() => SpaceQuotaStatus, { description: "The caller's organisation's fair-use quota and its use in the week holding `day` (this week by default)." })
  @Access(can.book)
  spaceQuota(@Args('day', { type: () => String, nullable: true }) day?: string): Promise<SpaceQuotaStatus> {
    return this.quotas.status(day ?? undefined);
  }

  @Query(() => [SpaceQuota], { description: 'Every fair-use quota set: the default first, then organisations’ own.' })
  @Access(can.manageQuotas)
  spaceQuotas(): Promise<SpaceQuota[]> {
    return this.quotas.all();
  }

  @Mutation(() => SpaceQuotaResult, { description: 'Sets the default fair-use quota, or one organisation’s own.' })
  @Access(can.manageQuotas)
  setSpaceQuota(@Args('input') input: SpaceQuotaInput): Promise<typeof SpaceQuotaResult> {
    return this.quotas.set(input);
  }
}
