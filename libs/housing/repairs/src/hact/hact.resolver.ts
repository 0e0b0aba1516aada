import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { JSONObjectScalar, IdArg } from '@hearth/platform-graphql';
import { repairsPermissions as can } from '../repairs.permissions';
import { JobStatusUpdateInput } from './dto/job-status-update.input';
import { HactExportService } from './hact-export.service';
import { JobStatusUpdateResult, type JobStatusUpdateOutcome } from './hact.model';
import { JobStatusUpdateService } from './job-status-update.service';

/** Work orders for contractors' systems in the shape of the HACT repairs standard. */
@Resolver()
export class HactResolver {
  constructor(
    private readonly exports: HactExportService,
    private readonly statusUpdates: JobStatusUpdateService,
  ) {}

  @Query(() => JSONObjectScalar, {
    nullable: true,
    description:
      'The work order as a HACT RaiseRepair message (see docs/partners/repairs-hact.md). Null when there is no such work order, '
      + 'or when a contractor asks for one not assigned to it.',
  })
  @Access(can.read)
  hactRaiseRepair(@IdArg('workOrderId') workOrderId: string): Promise<object | null> {
    return this.exports.raiseRepair(workOrderId);
  }

  @Mutation(() => JobStatusUpdateResult, {
    description:
      "A contractor's status update on a work order assigned to it (HACT JobStatusUpdate). Idempotent by messageId: a retry answers as the "
      + 'first time and changes nothing.',
  })
  @Access(can.statusUpdate)
  postJobStatusUpdate(@Args('input') input: JobStatusUpdateInput): Promise<JobStatusUpdateOutcome> {
    return this.statusUpdates.post(input);
  }
}
