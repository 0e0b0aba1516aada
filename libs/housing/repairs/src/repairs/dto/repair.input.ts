import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsDate, IsEnum, IsOptional, IsUUID, Length, Matches, Max, Min, ValidateNested,
} from 'class-validator';
import { HasDecimalPlaces, PageArgs, Trim } from '@hearth/platform-graphql';
import { RepairStatus, Trade } from '../repairs.model';
import { SOR_CODE } from './sor-code.input';
import { PRIORITY_CODE } from '../../repairs.settings';

@InputType({ description: 'A repair to record on an asset.' })
export class ReportRepairInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'assetId must be a UUID' })
  assetId!: string;

  @Field({ description: 'What is wrong, in the reporter\'s words.' })
  @Trim()
  @Length(1, 4000, { message: 'description must be 1 to 4000 characters' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'Where in the home, e.g. "bathroom".' })
  @IsOptional()
  @Trim()
  @Length(1, 200, { message: 'location must be 1 to 200 characters' })
  location?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Length(1, 200, { message: 'reporterName must be 1 to 200 characters' })
  reporterName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'reporterPhone must be a phone number' })
  reporterPhone?: string;
}

@InputType({ description: 'One schedule-of-rates task on a work order.' })
export class SorLineInput {
  @Field()
  @Trim()
  @Matches(SOR_CODE, { message: 'sorCode is not a SOR code' })
  sorCode!: string;

  @Field(() => Float, { defaultValue: 1, description: 'Units of the task, up to two decimals.' })
  @HasDecimalPlaces(2, 'quantity must be a number with at most two decimals')
  @Min(0.01, { message: 'quantity must be more than 0' })
  @Max(10000, { message: 'quantity must be at most 10000' })
  quantity!: number;
}

@InputType({ description: 'A work order to raise at triage.' })
export class WorkOrderPlanInput {
  @Field(() => Trade, { nullable: true, description: "Defaults to the repair's trade." })
  @IsOptional()
  @IsEnum(Trade)
  trade?: Trade;

  @Field(() => ID, { nullable: true, description: 'Assign it straight away; the contractor must offer the trade.' })
  @IsOptional()
  @IsUUID('all', { message: 'contractorId must be a UUID' })
  contractorId?: string;

  @Field(() => [SorLineInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SorLineInput)
  lines!: SorLineInput[];
}

@InputType({ description: 'The priority and trade a reported repair is given, and the work orders it becomes.' })
export class TriageRepairInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'repairId must be a UUID' })
  repairId!: string;

  @Field({ description: "One of the member's priority codes." })
  @Matches(PRIORITY_CODE, { message: 'priority must be a priority code such as "routine"' })
  priority!: string;

  @Field(() => Trade)
  @IsEnum(Trade)
  trade!: Trade;

  @Field(() => [WorkOrderPlanInput], { nullable: true, description: "Default: one work order for the repair's trade, with no lines." })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'workOrders must hold at least one work order when given' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => WorkOrderPlanInput)
  workOrders?: WorkOrderPlanInput[];
}

@InputType()
export class CancelRepairInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a UUID' })
  id!: string;

  @Field()
  @Trim()
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason!: string;
}

@InputType({ description: 'Which repairs to list; all given conditions apply.' })
export class RepairsFilter {
  @Field(() => RepairStatus, { nullable: true })
  @IsOptional()
  @IsEnum(RepairStatus)
  status?: RepairStatus;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'assetId must be a UUID' })
  assetId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PRIORITY_CODE, { message: 'priority must be a priority code' })
  priority?: string;

  @Field(() => Date, { nullable: true, description: 'Reported at or after.' })
  @IsOptional()
  @IsDate()
  reportedFrom?: Date;

  @Field(() => Date, { nullable: true, description: 'Reported before.' })
  @IsOptional()
  @IsDate()
  reportedTo?: Date;
}

@ArgsType()
export class RepairsArgs extends PageArgs {
  @Field(() => RepairsFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => RepairsFilter)
  filter?: RepairsFilter;
}
