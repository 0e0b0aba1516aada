import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, requestLoader, IdArg } from '@hearth/platform-graphql';
import { StoredFile, StoredFiles } from '@hearth/platform-imports';
import { repairsPermissions as can } from '../repairs.permissions';
import { Contractor } from '../contractors/contractor.model';
import { RepairsLoaders } from './repairs.loaders';
import {
  Appointment, Repair, WorkOrder, WorkOrderAttachment, WorkOrderConnection, WorkOrderLine, WorkOrderResult, WorkOrderTransition,
  type WorkOrderFailure,
} from './repairs.model';
import { WorkOrderService } from './work-orders.service';
import {
  AssignWorkOrderInput, CancelWorkOrderInput, CompleteWorkOrderInput, HoldWorkOrderInput, InspectWorkOrderInput, ResumeWorkOrderInput,
  ScheduleWorkOrderInput, WorkOrdersArgs,
} from './dto/work-order.input';

type Changed = Promise<WorkOrder | WorkOrderFailure>;

@Resolver(() => WorkOrder)
export class WorkOrderResolver {
  constructor(
    private readonly service: WorkOrderService,
    private readonly loaders: RepairsLoaders,
  ) {}

  @Query(() => WorkOrderConnection, { description: 'Work orders, soonest target first.', complexity: connectionCost })
  @Access(can.read)
  workOrders(@Args() args: WorkOrdersArgs): Promise<WorkOrderConnection> {
    return this.service.list(args.filter ?? {}, args);
  }

  @Query(() => WorkOrder, { nullable: true })
  @Access(can.read)
  async workOrder(@IdArg('id') id: string): Promise<WorkOrder | null> {
    const entity = await this.service.findById(id);
    return entity ? WorkOrder.from(entity) : null;
  }

  @Mutation(() => WorkOrderResult, { description: 'To a contractor offering its trade, or to the in-house team (inHouse: true).' })
  @Access(can.manage)
  assignWorkOrder(@Args('input') input: AssignWorkOrderInput): Changed {
    return this.service.assign(input);
  }

  @Mutation(() => WorkOrderResult, { description: 'Books a visit on a working day; rebooking cancels the last appointment.' })
  @Access(can.manage)
  scheduleWorkOrder(@Args('input') input: ScheduleWorkOrderInput): Changed {
    return this.service.schedule(input);
  }

  @Mutation(() => WorkOrderResult)
  @Access(can.manage)
  startWorkOrder(@IdArg('id') id: string): Changed {
    return this.service.transition(id, 'in_progress');
  }

  @Mutation(() => WorkOrderResult)
  @Access(can.manage)
  holdWorkOrder(@Args('input') input: HoldWorkOrderInput): Changed {
    return this.service.transition(input.id, 'on_hold', { reason: input.reason });
  }

  @Mutation(() => WorkOrderResult)
  @Access(can.manage)
  resumeWorkOrder(@Args('input') input: ResumeWorkOrderInput): Changed {
    return this.service.transition(input.id, input.to);
  }

  @Mutation(() => WorkOrderResult, { description: 'Records the work as done, with notes and uploaded files (POST /files).' })
  @Access(can.manage)
  completeWorkOrder(@Args('input') input: CompleteWorkOrderInput): Changed {
    return this.service.complete(input);
  }

  @Mutation(() => WorkOrderResult)
  @Access(can.manage)
  inspectWorkOrder(@Args('input') input: InspectWorkOrderInput): Changed {
    return this.service.transition(input.id, 'inspected', { at: input.at });
  }

  @Mutation(() => WorkOrderResult)
  @Access(can.manage)
  cancelWorkOrder(@Args('input') input: CancelWorkOrderInput): Changed {
    return this.service.transition(input.id, 'cancelled', { reason: input.reason });
  }

  @ResolveField(() => Repair)
  async repair(@Parent() workOrder: WorkOrder): Promise<Repair> {
    // The foreign key guarantees the repair, and RLS shows it: same member as the work order.
    return Repair.from((await this.loaders.repair().load(workOrder.repairId))!);
  }

  @ResolveField(() => Contractor, { nullable: true, description: 'Null while with the in-house team.' })
  async contractor(@Parent() workOrder: WorkOrder): Promise<Contractor | null> {
    const entity = workOrder.contractorId ? await this.loaders.contractor().load(workOrder.contractorId) : null;
    return entity ? Contractor.from(entity) : null;
  }

  @ResolveField(() => Boolean, { description: 'With the in-house team rather than a contractor.' })
  inHouse(@Parent() workOrder: WorkOrder): boolean {
    return workOrder.contractorId === null;
  }

  @ResolveField(() => [WorkOrderLine])
  async lines(@Parent() workOrder: WorkOrder): Promise<WorkOrderLine[]> {
    return (await this.loaders.linesOf().load(workOrder.id)).map(WorkOrderLine.from);
  }

  @ResolveField(() => Int, { description: 'The sum of its lines, in pence.' })
  async totalCostPence(@Parent() workOrder: WorkOrder): Promise<number> {
    return (await this.lines(workOrder)).reduce((sum, line) => sum + line.costPence, 0);
  }

  @ResolveField(() => [WorkOrderTransition], { description: 'Its history, oldest first, from being raised.' })
  async transitions(@Parent() workOrder: WorkOrder): Promise<WorkOrderTransition[]> {
    return (await this.loaders.transitionsOf().load(workOrder.id)).map(WorkOrderTransition.from);
  }

  @ResolveField(() => Appointment, { nullable: true, description: 'The live appointment, if one is booked.' })
  async appointment(@Parent() workOrder: WorkOrder): Promise<Appointment | null> {
    const entity = await this.loaders.appointmentOf().load(workOrder.id);
    return entity ? Appointment.from(entity) : null;
  }

  @ResolveField(() => [WorkOrderAttachment])
  async attachments(@Parent() workOrder: WorkOrder): Promise<WorkOrderAttachment[]> {
    return (await this.loaders.attachmentsOf().load(workOrder.id)).map(WorkOrderAttachment.from);
  }
}

@Resolver(() => WorkOrderAttachment)
export class WorkOrderAttachmentResolver {
  constructor(private readonly files: StoredFiles) {}

  @ResolveField(() => StoredFile, { description: 'The file: its name, size and hash (download it from GET /files/{id}).' })
  file(@Parent() attachment: WorkOrderAttachment): Promise<StoredFile> {
    return requestLoader('repairs:storedFile', (ids: readonly string[]) => this.files.findAll(ids)).load(attachment.fileId);
  }
}
