import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsDate, IsEnum, IsIn, IsOptional, IsUUID, Length, Matches, ValidateNested,
} from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { AppointmentSlot, WorkOrderStatus } from '../repairs.model';
import { PRIORITY_CODE } from '../../repairs.settings';

@InputType({ description: 'Give the work order to a contractor, or to the in-house team: exactly one of the two.' })
export class AssignWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'contractorId must be a UUID' })
  contractorId?: string;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  inHouse?: boolean;
}

@InputType({ description: 'Book (or rebook) a visit; rebooking cancels the last appointment.' })
export class ScheduleWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field({ description: 'YYYY-MM-DD: today or later, and a working day on the member\'s calendar.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'day must be a date written YYYY-MM-DD' })
  day!: string;

  @Field(() => AppointmentSlot)
  @IsEnum(AppointmentSlot)
  slot!: AppointmentSlot;
}

@InputType()
export class HoldWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field({ description: 'Why, e.g. "waiting for parts" or "no access".' })
  @Trim()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

export const RESUMABLE = ['assigned', 'scheduled', 'in_progress'] as const;

@InputType()
export class ResumeWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => WorkOrderStatus, { description: 'ASSIGNED, SCHEDULED or IN_PROGRESS.' })
  @IsIn(RESUMABLE, { message: `to must be one of ${RESUMABLE.join(', ').toUpperCase()}` })
  to!: (typeof RESUMABLE)[number];
}

@InputType()
export class CompleteWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field({ description: 'What was done.' })
  @Trim()
  @Length(1, 4000, { message: 'notes must be 1 to 4000 characters' })
  notes!: string;

  @Field(() => Date, { nullable: true, description: 'When the work was finished; now if not given. Not in the future.' })
  @IsOptional()
  @IsDate()
  completedAt?: Date;

  @Field(() => [ID], { defaultValue: [], description: 'Files uploaded through POST /files: photos, certificates.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'attachmentFileIds must not name a file twice' })
  @IsUUID('all', { each: true, message: 'each of attachmentFileIds must be a UUID' })
  attachmentFileIds!: string[];
}

@InputType()
export class InspectWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field(() => Date, { nullable: true, description: 'When it was inspected; now if not given.' })
  @IsOptional()
  @IsDate()
  at?: Date;
}

@InputType()
export class CancelWorkOrderInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field()
  @Trim()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

@InputType({ description: 'Which work orders to list; all given conditions apply.' })
export class WorkOrdersFilter {
  @Field(() => [WorkOrderStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(WorkOrderStatus, { each: true })
  status?: WorkOrderStatus[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'contractorId must be a UUID' })
  contractorId?: string;

  @Field(() => Boolean, { nullable: true, description: 'True: with the in-house team. False: with a contractor.' })
  @IsOptional()
  @IsBoolean()
  inHouse?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PRIORITY_CODE, { message: 'priority must be a priority code' })
  priority?: string;

  @Field(() => Boolean, { nullable: true, description: 'True: completed late or open past the target. False: the others.' })
  @IsOptional()
  @IsBoolean()
  breached?: boolean;

  @Field(() => Date, { nullable: true, description: 'Due before this instant.' })
  @IsOptional()
  @IsDate()
  targetBefore?: Date;
}

@ArgsType()
export class WorkOrdersArgs extends PageArgs {
  @Field(() => WorkOrdersFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WorkOrdersFilter)
  filter?: WorkOrdersFilter;
}
