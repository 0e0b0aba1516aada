import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { repairsPermissions as can } from '../repairs.permissions';
import { RepairsDashboard } from './dashboard.model';
import { RepairsDashboardService } from './dashboard.service';

@Resolver()
export class RepairsDashboardResolver {
  constructor(private readonly service: RepairsDashboardService) {}

  @Query(() => RepairsDashboard, {
    description: 'Open repairs and work orders by status, breaches and near breaches, hazard clocks due and missed, and RP02 by month: the console dashboard.',
  })
  @Access(can.read)
  repairsDashboard(
    @Args('months', { type: () => Int, defaultValue: 6, description: 'How many UK months of RP02 to give, the current one last (1 to 24).' }) months: number,
  ): Promise<RepairsDashboard> {
    return this.service.dashboard(months);
  }
}
