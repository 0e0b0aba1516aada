import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import { Asset } from '@hearth/housing-assets';
import { repairsPermissions as can } from '../repairs.permissions';
import { Repair } from '../repairs/repairs.model';
import {
  ChangeHazardCaseResult, CloseHazardCaseResult, HazardCase, HazardCaseConnection, HazardClock, RecordHazardMilestoneResult, ReportHazardResult,
  type HazardFailure,
} from './hazard.model';
import { HazardLoaders } from './hazard.loaders';
import { HazardService } from './hazard.service';
import {
  CloseHazardCaseInput, HazardCasesArgs, LinkRepairToHazardInput, OfferAlternativeAccommodationInput, RecordHazardInvestigationInput,
  RecordHazardMilestoneInput, ReportHazardInput,
} from './dto/hazard.input';

type Changed = Promise<HazardCase | HazardFailure>;

@Resolver(() => HazardCase)
export class HazardResolver {
  constructor(
    private readonly service: HazardService,
    private readonly loaders: HazardLoaders,
  ) {}

  @Query(() => HazardCase, { nullable: true })
  @Access(can.read)
  hazardCase(@IdArg('id') id: string): Promise<HazardCase | null> {
    return this.service.find(id);
  }

  @Query(() => HazardCaseConnection, { description: 'Hazard cases, newest first.', complexity: connectionCost })
  @Access(can.read)
  hazardCases(@Args() args: HazardCasesArgs): Promise<HazardCaseConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Mutation(() => ReportHazardResult, { description: "Opens a hazard case with the clocks its regime gives it (Awaab's Law in England)." })
  @Access(can.report)
  reportHazard(@Args('input') input: ReportHazardInput): Changed {
    return this.service.report(input);
  }

  @Mutation(() => ChangeHazardCaseResult, { description: 'Meets the investigate clock and starts the written summary, safety and preventative work clocks.' })
  @Access(can.manage)
  recordHazardInvestigation(@Args('input') input: RecordHazardInvestigationInput): Changed {
    return this.service.recordInvestigation(input);
  }

  @Mutation(() => RecordHazardMilestoneResult, { description: 'Meets one clock: in time when before it was due, late otherwise.' })
  @Access(can.manage)
  recordHazardMilestone(@Args('input') input: RecordHazardMilestoneInput): Changed {
    return this.service.recordMilestone(input);
  }

  @Mutation(() => ChangeHazardCaseResult)
  @Access(can.manage)
  offerAlternativeAccommodation(@Args('input') input: OfferAlternativeAccommodationInput): Changed {
    return this.service.offerAlternativeAccommodation(input);
  }

  @Mutation(() => ChangeHazardCaseResult, { description: 'Links a repair on the same asset to the case.' })
  @Access(can.manage)
  linkRepairToHazard(@Args('input') input: LinkRepairToHazardInput): Changed {
    return this.service.linkRepair(input.caseId, input.repairId);
  }

  @Mutation(() => CloseHazardCaseResult, { description: 'Refused while clocks are pending or running, unless forced (they are then waived).' })
  @Access(can.manage)
  closeHazardCase(@Args('input') input: CloseHazardCaseInput): Changed {
    return this.service.close(input);
  }

  @ResolveField(() => [HazardClock], { description: 'In statutory order.' })
  async clocks(@Parent() hazard: HazardCase): Promise<HazardClock[]> {
    return this.service.clocksOf(hazard, await this.loaders.clocksOf().load(hazard.id));
  }

  @ResolveField(() => [Repair], { description: 'Repairs linked to the case.' })
  async repairs(@Parent() hazard: HazardCase): Promise<Repair[]> {
    return (await this.loaders.repairsOf().load(hazard.id)).map(Repair.from);
  }

  @ResolveField(() => Asset, { nullable: true, description: 'The home (or block, or communal area); null only if no longer visible.' })
  async asset(@Parent() hazard: HazardCase): Promise<Asset | null> {
    const entity = await this.loaders.asset().load(hazard.assetId);
    return entity ? Asset.from(entity) : null;
  }
}
