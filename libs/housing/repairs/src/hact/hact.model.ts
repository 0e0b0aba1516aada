import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ErrorResult, enumOf, resultUnion } from '@hearth/platform-graphql';
import { TransitionRefused, WorkOrderInvalid, WorkOrderNotFound, WorkOrderStatus } from '../repairs/repairs.model';

/** What a contractor's system reports about a job, after the HACT repairs standard's JobStatusUpdate. */
export const JOB_STATUSES = ['accepted', 'scheduled', 'in_progress', 'on_hold', 'no_access', 'completed'] as const;
export type JobStatusValue = (typeof JOB_STATUSES)[number];

export const JobStatus = enumOf(JOB_STATUSES, {
  name: 'JobStatus',
  description: "A contractor's news about a job; see docs/partners/repairs-hact.md for the work order status each one moves to.",
});
export type JobStatus = JobStatusValue;

@ObjectType({ description: 'A status update was accepted, now or (replayed) when its message id was first received.' })
export class JobStatusUpdateApplied {
  @Field({ description: "The contractor's message id." }) messageId!: string;
  @Field(() => ID) workOrderId!: string;
  @Field(() => Int) workOrderNumber!: number;
  @Field(() => WorkOrderStatus, { description: 'The work order status the message left it in.' }) status!: WorkOrderStatus;
  @Field({ description: 'True when this answers a retry: the message had already been applied and nothing changed now.' }) replayed!: boolean;
  @Field({ description: 'When Hearth first received the message.' }) receivedAt!: Date;

  static of(fields: Omit<JobStatusUpdateApplied, 'replayed'>, replayed = false): JobStatusUpdateApplied {
    return Object.assign(new JobStatusUpdateApplied(), { ...fields, replayed });
  }
}

@ObjectType({
  implements: () => ErrorResult,
  description: 'This client already sent a different message with that id; nothing changed. Give every new message a new id.',
})
export class MessageIdReused implements ErrorResult {
  @Field() code!: 'MESSAGE_ID_REUSED';
  @Field() message!: string;
  @Field() messageId!: string;
  @Field({ description: 'When the first message with this id was received.' }) firstReceivedAt!: Date;

  static of(messageId: string, firstReceivedAt: Date): MessageIdReused {
    return Object.assign(new MessageIdReused(), {
      code: 'MESSAGE_ID_REUSED',
      message: `Message ${messageId} was first received at ${firstReceivedAt.toISOString()} with a different body; send a new message id for a new message`,
      messageId,
      firstReceivedAt,
    });
  }
}

export type JobStatusUpdateOutcome = JobStatusUpdateApplied | WorkOrderNotFound | TransitionRefused | WorkOrderInvalid | MessageIdReused;

export const JobStatusUpdateResult = resultUnion(
  'JobStatusUpdateResult',
  'The update as applied (or as first applied, for a retry), or why the work order did not change.',
  [JobStatusUpdateApplied, WorkOrderNotFound, TransitionRefused, WorkOrderInvalid, MessageIdReused],
);
