import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import { Asset } from '@hearth/housing-assets';
import { repairsPermissions as can } from '../repairs.permissions';
import { PartnerScope } from './partner-scope';
import { RepairsLoaders } from './repairs.loaders';
import { ChangeRepairResult, Repair, RepairConnection, ReportRepairResult, WorkOrder, type RepairFailure } from './repairs.model';
import { RepairService } from './repairs.service';
import { CancelRepairInput, RepairsArgs, ReportRepairInput, TriageRepairInput } from './dto/repair.input';

type Changed = Promise<Repair | RepairFailure>;

@Resolver(() => Repair)
export class RepairResolver {
  constructor(
    private readonly service: RepairService,
    private readonly loaders: RepairsLoaders,
    private readonly partners: PartnerScope,
  ) {}

  @Query(() => RepairConnection, { description: 'Repairs, newest report first.', complexity: connectionCost })
  @Access(can.read)
  repairs(@Args() args: RepairsArgs): Promise<RepairConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Query(() => Repair, { nullable: true })
  @Access(can.read)
  async repair(@IdArg('id') id: string): Promise<Repair | null> {
    const entity = await this.service.find(id);
    return entity ? Repair.from(entity) : null;
  }

  @Mutation(() => ReportRepairResult, { description: 'Staff, or a partner with the repairs:raise scope, record a repair on one of the member\'s assets.' })
  @Access(can.report)
  reportRepair(@Args('input') input: ReportRepairInput): Changed {
    return this.service.report(input);
  }

  @Mutation(() => ChangeRepairResult, { description: 'Sets the priority and trade and raises the work orders, each with its target on the member\'s calendar.' })
  @Access(can.manage)
  triageRepair(@Args('input') input: TriageRepairInput): Changed {
    return this.service.triage(input);
  }

  @Mutation(() => ChangeRepairResult, { description: 'Cancels the repair and its open work orders; refused once work was completed.' })
  @Access(can.manage)
  cancelRepair(@Args('input') input: CancelRepairInput): Changed {
    return this.service.cancel(input);
  }

  @ResolveField(() => Asset, { nullable: true, description: 'Null only if the asset is no longer visible.' })
  async asset(@Parent() repair: Repair): Promise<Asset | null> {
    const entity = await this.loaders.asset().load(repair.assetId);
    return entity ? Asset.from(entity) : null;
  }

  @ResolveField(() => [WorkOrder], { description: "Oldest first; a contractor's system sees only its own." })
  async workOrders(@Parent() repair: Repair): Promise<WorkOrder[]> {
    const now = new Date();
    const contractors = await this.partners.contractorIds();
    return (await this.loaders.workOrdersOf().load(repair.id))
      .filter((entity) => !contractors || (entity.contractorId !== null && contractors.includes(entity.contractorId)))
      .map((entity) => WorkOrder.from(entity, now));
  }
}
