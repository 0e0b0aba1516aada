import { Args, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { repairsPermissions as can } from '../repairs.permissions';
import { HazardClockPerformance, RepairsPerformance } from './measures.model';
import { MeasuresService } from './measures.service';
import { PeriodArgs } from './dto/period.args';

@Resolver()
export class MeasuresResolver {
  constructor(private readonly service: MeasuresService) {}

  @Query(() => RepairsPerformance, { description: 'RP02: work orders completed in the period within target, emergency and non-emergency apart.' })
  @Access(can.read)
  repairsPerformance(@Args() { from, to }: PeriodArgs): Promise<RepairsPerformance> {
    return this.service.repairsPerformance(from, to);
  }

  @Query(() => HazardClockPerformance, { description: "Awaab's Law clocks due in the period: met in time, met late, missed, still running." })
  @Access(can.read)
  hazardClockPerformance(@Args() { from, to }: PeriodArgs): Promise<HazardClockPerformance> {
    return this.service.hazardClockPerformance(from, to);
  }
}
