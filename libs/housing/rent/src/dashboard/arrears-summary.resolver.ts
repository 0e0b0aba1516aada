import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { rentPermissions as can } from '../rent.permissions';
import { ArrearsSummary } from './arrears-summary.model';
import { ArrearsSummaryService } from './arrears-summary.service';

@Resolver()
export class ArrearsSummaryResolver {
  constructor(private readonly service: ArrearsSummaryService) {}

  @Query(() => ArrearsSummary, { description: 'Arrears total and accounts in arrears now, and the total on each of the last weeks: the console dashboard.' })
  @Access(can.read)
  arrearsSummary(
    @Args('weeks', { type: () => Int, defaultValue: 12, description: 'How many weekly points to give, today last (1 to 52).' }) weeks: number,
  ): Promise<ArrearsSummary> {
    return this.service.summary(weeks);
  }
}
