import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsDate, IsEnum, IsInt, IsOptional, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { PageArgs, Trim } from '@hearth/platform-graphql';
import { UnconferenceStatus } from '../unconference.model';

@InputType({ description: 'A new unconference, created as a draft. A member’s tenant admin creates it for their member; a consortium admin working for no member, for the consortium.' })
export class CreateUnconferenceInput {
  @Field() @Trim() @Length(1, 200, { message: 'title must be 1 to 200 characters' }) title!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10_000) description?: string;
  @Field(() => String, { nullable: true, description: 'Where it happens, in words.' }) @IsOptional() @Trim() @Length(1, 300, { message: 'venue must be 1 to 300 characters' }) venue?: string | null;

  @Field(() => Int, { nullable: true, description: 'Votes each participant has (1 to 50); 5 when left out.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'votesPerParticipant must be at least 1' })
  @Max(50, { message: 'votesPerParticipant must be at most 50' })
  votesPerParticipant?: number;
}

@InputType({ description: 'Changes to an unconference’s details; fields left out stay as they are. Votes per participant change only before voting opens.' })
export class UpdateUnconferenceInput {
  @Field(() => ID) @IsUUID('all', { message: 'id must be a UUID' }) id!: string;
  @Field({ nullable: true }) @IsOptional() @Trim() @Length(1, 200, { message: 'title must be 1 to 200 characters' }) title?: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(10_000) description?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Trim() @Length(1, 300, { message: 'venue must be 1 to 300 characters' }) venue?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(50) votesPerParticipant?: number;
}

@InputType()
export class UnconferenceRoomInput {
  @Field(() => ID) @IsUUID('all', { message: 'unconferenceId must be a UUID' }) unconferenceId!: string;
  @Field() @Trim() @Length(1, 100, { message: 'name must be 1 to 100 characters' }) name!: string;
  @Field(() => Int) @IsInt() @Min(1, { message: 'capacity must be at least 1' }) @Max(10_000, { message: 'capacity must be at most 10000' }) capacity!: number;
}

@InputType({ description: 'A time slot: at most 12 hours, and not overlapping another slot of the event.' })
export class UnconferenceSlotInput {
  @Field(() => ID) @IsUUID('all', { message: 'unconferenceId must be a UUID' }) unconferenceId!: string;
  @Field() @IsDate() startsAt!: Date;
  @Field() @IsDate() endsAt!: Date;
}

@InputType({ description: 'A session to propose; the proposer is its host, and co-hosts are chosen from the event’s participants.' })
export class SessionProposalInput {
  @Field(() => ID) @IsUUID('all', { message: 'unconferenceId must be a UUID' }) unconferenceId!: string;
  @Field() @Trim() @Length(1, 200, { message: 'title must be 1 to 200 characters' }) title!: string;
  @Field({ nullable: true }) @IsOptional() @MaxLength(5_000, { message: 'abstract must be at most 5000 characters' }) abstract?: string;

  @Field(() => [ID], { nullable: true, description: 'Participants who host it too (they must have joined the event).' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'a session has at most 10 co-hosts' })
  @IsUUID('all', { each: true, message: 'cohostParticipantIds must be UUIDs' })
  cohostParticipantIds?: string[];
}

@InputType({ description: 'Puts a session in a room and slot (a proposal not in the timetable is added). A session already there swaps places with it. Refused if it would put anyone in two sessions at once.' })
export class UnconferenceSessionMoveInput {
  @Field(() => ID) @IsUUID('all', { message: 'unconferenceId must be a UUID' }) unconferenceId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'proposalId must be a UUID' }) proposalId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'roomId must be a UUID' }) roomId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'slotId must be a UUID' }) slotId!: string;
}

@InputType({ description: 'A note on a session (Markdown), once it has begun.' })
export class UnconferenceSessionNoteInput {
  @Field(() => ID) @IsUUID('all', { message: 'proposalId must be a UUID' }) proposalId!: string;
  @Field() @Trim() @Length(1, 20_000, { message: 'body must be 1 to 20000 characters' }) body!: string;
}

@InputType()
export class UnconferenceSessionNoteEditInput {
  @Field(() => ID) @IsUUID('all', { message: 'noteId must be a UUID' }) noteId!: string;
  @Field() @Trim() @Length(1, 20_000, { message: 'body must be 1 to 20000 characters' }) body!: string;
}

@ArgsType()
export class UnconferencesArgs extends PageArgs {
  @Field(() => UnconferenceStatus, { nullable: true, description: 'Only unconferences at this stage.' })
  @IsOptional()
  @IsEnum(UnconferenceStatus)
  status?: string;
}
