import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import { rentPermissions as can } from '../rent.permissions';
import { RentRun, RentRunConnection, RentRunLine, StartRentRunResult, type RentRunRefusal, type RentRunStarted } from './rent-run.model';
import { RentRuns } from './rent-runs.service';
import { RentRunsArgs, StartRentRunInput } from './dto/rent-run.input';

const MAX_SAMPLE = 100;

@Resolver(() => RentRun)
export class RentRunsResolver {
  constructor(private readonly runs: RentRuns) {}

  @Mutation(() => StartRentRunResult, {
    description: "Queues a run posting a period's charges for every live tenancy's open account of a frequency (or a dry run counting them).",
  })
  @Access(can.runRent)
  startRentRun(@Args('input') input: StartRentRunInput): Promise<RentRunStarted | RentRunRefusal> {
    return this.runs.start(input);
  }

  @Query(() => RentRun, { nullable: true })
  @Access(can.read)
  rentRun(@IdArg('id') id: string): Promise<RentRun | null> {
    return this.runs.find(id);
  }

  @Query(() => RentRunConnection, { description: 'Rent runs, latest period first.', complexity: connectionCost })
  @Access(can.read)
  rentRuns(@Args() args: RentRunsArgs): Promise<RentRunConnection> {
    return this.runs.list(args);
  }

  @ResolveField(() => [RentRunLine], {
    nullable: true,
    description: "A dry run's sample: the first charges of its period (by payment reference) not yet posted, as of now. Null for a real run.",
    complexity: 5,
  })
  async sample(@Parent() run: RentRun, @Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<RentRunLine[] | null> {
    if (!run.dryRun) return null;
    return this.runs.sample(run, Math.min(Math.max(first, 0), MAX_SAMPLE));
  }
}
