import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { spacesPermissions as can } from '../spaces.permissions';
import { SpaceUsageArgs, SpaceUsageReport } from './usage.model';
import { UsageService } from './usage.service';

@Resolver(() => SpaceUsageReport)
export class UsageResolver {
  constructor(private readonly usage: UsageService) {}

  @Query(() => SpaceUsageReport, { description: 'Bookings, hours booked and used, and no-shows per organisation and venue, for sharing costs.' })
  @Access(can.report)
  spaceUsageReport(@Args() args: SpaceUsageArgs): Promise<SpaceUsageReport> {
    return this.usage.report(args.from, args.to);
  }
}
