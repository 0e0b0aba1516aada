import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsUUID, Length, ValidateNested } from 'class-validator';
import { PageArgs } from '@hearth/platform-graphql';
import { HazardCaseStatus, HazardClockKind, HazardSeverity, HazardType } from '../hazard.model';

@InputType({ description: 'A hazard to open a case for; its clocks start from awareAt.' })
export class ReportHazardInput {
  @Field(() => ID) @IsUUID('all', { message: 'assetId must be a UUID' }) assetId!: string;
  @Field(() => HazardType) @IsEnum(HazardType) hazardType!: HazardType;
  @Field(() => HazardSeverity) @IsEnum(HazardSeverity) severity!: HazardSeverity;
  @Field() @Length(1, 4000) description!: string;

  @Field(() => Date, { nullable: true, description: 'When the member became aware (a resident\'s call, an operative\'s report); now when left out. Not in the future.' })
  @IsOptional()
  @IsDate()
  awareAt?: Date;

  @Field(() => [ID], { nullable: true, description: 'Repairs already reported for it, to link to the case.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'repairIds must be UUIDs' })
  repairIds?: string[];
}

@InputType({ description: "The investigation's outcome: it meets the investigate clock and starts the clocks that run from it." })
export class RecordHazardInvestigationInput {
  @Field(() => ID) @IsUUID('all', { message: 'caseId must be a UUID' }) caseId!: string;
  @Field({ description: 'Not before awareness, not in the future.' }) @IsDate() investigatedAt!: Date;
  @Field() @Length(1, 4000) findings!: string;
  @Field({ description: 'False waives the safety_work clock.' }) @IsBoolean() safetyWorkNeeded!: boolean;
  @Field({ description: 'False waives the preventative_work_begin and preventative_work_start clocks.' }) @IsBoolean() preventativeWorkNeeded!: boolean;
}

@InputType({ description: 'A duty done: meets one clock of the case.' })
export class RecordHazardMilestoneInput {
  @Field(() => ID) @IsUUID('all', { message: 'caseId must be a UUID' }) caseId!: string;
  @Field(() => HazardClockKind, { description: 'Not INVESTIGATE, which recordHazardInvestigation meets.' }) @IsEnum(HazardClockKind) clock!: HazardClockKind;
  @Field({ description: 'When it was done: met in time if before the clock is due, late otherwise. Not before the clock started, not in the future.' })
  @IsDate()
  at!: Date;
}

@InputType()
export class OfferAlternativeAccommodationInput {
  @Field(() => ID) @IsUUID('all', { message: 'caseId must be a UUID' }) caseId!: string;
  @Field() @IsDate() offeredAt!: Date;
  @Field({ description: 'What was offered, for the record (no personal details beyond the case).' }) @Length(1, 2000) note!: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether the household accepted; left out while it has not answered.' })
  @IsOptional()
  @IsBoolean()
  accepted?: boolean;
}

@InputType()
export class CloseHazardCaseInput {
  @Field(() => ID) @IsUUID('all', { message: 'caseId must be a UUID' }) caseId!: string;
  @Field() @Length(1, 1000) reason!: string;
  @Field(() => Boolean, { nullable: true, description: 'Close although clocks are pending or running: they are waived with the reason (and audited).' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

@InputType({ description: 'Which hazard cases to list; all given conditions apply.' })
export class HazardCasesFilter {
  @Field(() => HazardCaseStatus, { nullable: true }) @IsOptional() @IsEnum(HazardCaseStatus) status?: HazardCaseStatus;
  @Field(() => HazardType, { nullable: true }) @IsOptional() @IsEnum(HazardType) hazardType?: HazardType;
  @Field(() => HazardSeverity, { nullable: true }) @IsOptional() @IsEnum(HazardSeverity) severity?: HazardSeverity;

  @Field(() => Date, { nullable: true, description: 'Cases with a clock running (started, not met or waived) due before this time.' })
  @IsOptional()
  @IsDate()
  clockDueBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: 'True: cases with a clock missed and not since met. False: cases with none.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class HazardCasesArgs extends PageArgs {
  @Field(() => HazardCasesFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => HazardCasesFilter)
  filter?: HazardCasesFilter;
}

@InputType()
export class LinkRepairToHazardInput {
  @Field(() => ID) @IsUUID('all', { message: 'caseId must be a UUID' }) caseId!: string;
  @Field(() => ID, { description: "A repair on the case's asset, not already another case's." }) @IsUUID('all', { message: 'repairId must be a UUID' }) repairId!: string;
}
