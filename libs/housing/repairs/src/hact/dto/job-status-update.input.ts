import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Trim } from '@hearth/platform-graphql';
import { Type } from 'class-transformer';
import { IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { AppointmentSlot } from '../../repairs/repairs.model';

import { JobStatus } from '../hact.model';

/** Printable ASCII without spaces: what contractors' systems use for ids (UUIDs, "JSU-000123"). */
export const MESSAGE_ID = /^[\x21-\x7e]{1,200}$/;

@InputType({ description: 'The visit a contractor booked with the resident.' })
export class JobAppointmentInput {
  @Field({ description: "YYYY-MM-DD: today or later, and a working day on the member's calendar." })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'appointment.day must be a date written YYYY-MM-DD' })
  day!: string;

  @Field(() => AppointmentSlot)
  @IsEnum(AppointmentSlot)
  slot!: AppointmentSlot;
}

@InputType({ description: "A contractor's status update on a work order assigned to it, after HACT's JobStatusUpdate. Name the work order by id or by number." })
export class JobStatusUpdateInput {
  @Field({ description: "The contractor's own id for this message, 1 to 200 printable characters: a retry sends the same id and body." })
  @Matches(MESSAGE_ID, { message: 'messageId must be 1 to 200 printable characters without spaces' })
  messageId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'workOrderId must be a UUID' })
  workOrderId?: string;

  @Field(() => Int, { nullable: true, description: 'The number staff and RaiseRepair quote, e.g. 10432.' })
  @IsOptional()
  @IsInt({ message: 'workOrderNumber must be a whole number' })
  @Min(1, { message: 'workOrderNumber must be a work order number' })
  @Max(2_147_483_647, { message: 'workOrderNumber must be a work order number' })
  workOrderNumber?: number;

  @Field(() => JobStatus)
  @IsEnum(JobStatus)
  status!: JobStatus;

  @Field({ description: 'When it happened on site (for COMPLETED, when the work was finished). Not in the future.' })
  @IsDate({ message: 'occurredAt must be a date and time' })
  occurredAt!: Date;

  @Field(() => JobAppointmentInput, { nullable: true, description: 'Required with SCHEDULED, and only then.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => JobAppointmentInput)
  appointment?: JobAppointmentInput;

  @Field(() => String, {
    nullable: true,
    description: 'The reason for ON_HOLD (required) or NO_ACCESS, what was done for COMPLETED (required), a note otherwise. Up to 1000 characters, 4000 for COMPLETED.',
  })
  @IsOptional()
  @Trim()
  @Length(1, 4000, { message: 'comments must be 1 to 4000 characters' })
  comments?: string;
}
