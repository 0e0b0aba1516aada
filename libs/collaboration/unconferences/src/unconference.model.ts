import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection, enumOf, ErrorResult, InputProblem, resultUnion } from '@hearth/platform-graphql';

export const UNCONFERENCE_STATUSES = ['draft', 'proposals_open', 'voting_open', 'scheduled', 'published', 'finished'] as const;
export type UnconferenceStatusValue = (typeof UNCONFERENCE_STATUSES)[number];
export const UnconferenceStatus = enumOf(UNCONFERENCE_STATUSES, {
  name: 'UnconferenceStatus',
  description: 'Where an unconference is: set up as a draft, taking proposals, taking votes, timetable drafted (SCHEDULED), published, finished.',
});

export const SESSION_PROPOSAL_STATUSES = ['proposed', 'withdrawn', 'scheduled', 'unscheduled'] as const;
export type SessionProposalStatusValue = (typeof SESSION_PROPOSAL_STATUSES)[number];
export const SessionProposalStatus = enumOf(SESSION_PROPOSAL_STATUSES, {
  name: 'SessionProposalStatus',
  description: 'PROPOSED until a timetable is drafted; then SCHEDULED (it has a room and slot) or UNSCHEDULED; WITHDRAWN by its host.',
});

export const UNSCHEDULED_REASONS = ['no_room_left', 'hosts_busy'] as const;
export type UnscheduledReasonValue = (typeof UNSCHEDULED_REASONS)[number];
export const UnconferenceUnscheduledReason = enumOf(UNSCHEDULED_REASONS, {
  name: 'UnconferenceUnscheduledReason',
  description: 'Why the scheduler left a proposal out: every room of every slot went to a more voted session, or its host or a co-host was busy in every slot that still had a room.',
});

export const ORGANISER_KINDS = ['consortium', 'member'] as const;
export const UnconferenceOrganiserKind = enumOf(ORGANISER_KINDS, { name: 'UnconferenceOrganiserKind', description: 'Who runs an unconference: the consortium, or one member.' });

@ObjectType({ description: 'A room of an unconference (its own, with the capacity the scheduler ranks rooms by).' })
export class UnconferenceRoom {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Int, { description: 'How many people it seats: the most voted sessions get the biggest rooms.' }) capacity!: number;
  unconferenceId!: string;
}

@ObjectType({ description: "A time slot of an unconference; an event's slots never overlap." })
export class UnconferenceSlot {
  @Field(() => ID) id!: string;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  unconferenceId!: string;
}

@ObjectType({ description: 'Someone taking part in an unconference, from a member or a guest organisation.' })
export class UnconferenceParticipant {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field({ description: 'The member or guest organisation they take part for.' }) organisationName!: string;
  @Field({ description: 'True for staff of an invited guest organisation (a council, a health board).' }) guest!: boolean;
  @Field({ description: 'True for the signed-in person.' }) isViewer!: boolean;
  unconferenceId!: string;
  organisationId!: string;
  subject!: string;
}

@ObjectType({ description: 'A proposed session: its host and co-hosts, and how many votes it has (never who cast them).' })
export class SessionProposal {
  @Field(() => ID) id!: string;
  @Field(() => ID) unconferenceId!: string;
  @Field() title!: string;
  @Field() abstract!: string;
  @Field(() => SessionProposalStatus) status!: SessionProposalStatusValue;
  @Field(() => Int) voteCount!: number;
  @Field(() => UnconferenceUnscheduledReason, { nullable: true, description: 'Set when status is UNSCHEDULED.' })
  unscheduledReason!: UnscheduledReasonValue | null;
  @Field() createdAt!: Date;
  hostParticipantId!: string;
  cohostParticipantIds!: string[];
  withdrawn!: boolean;
}

@ObjectType({ description: "A session's notes, in Markdown, shared once it has begun; editable by their author." })
export class UnconferenceSessionNote {
  @Field(() => ID) id!: string;
  @Field(() => ID) proposalId!: string;
  @Field({ description: 'Markdown, as its author wrote it.' }) body!: string;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
  authorParticipantId!: string;
  unconferenceId!: string;
}

@ObjectType({ description: 'A session in the timetable: a proposal in a room and a slot.' })
export class UnconferenceSession {
  @Field(() => ID) id!: string;
  @Field({ description: 'Placed by an organiser rather than the scheduler: a new scheduler run keeps it there.' }) pinned!: boolean;
  @Field({ description: 'True once its slot has begun: from then on participants may share notes.' }) started!: boolean;
  proposalId!: string;
  roomId!: string;
  slotId!: string;
  unconferenceId!: string;
}

@ObjectType({ description: "An unconference's timetable: sessions by room and slot, and the proposals left out with why." })
export class UnconferenceTimetable {
  @Field({ description: 'True until the organiser publishes it (status SCHEDULED): everyone can see it, marked as a draft.' }) draft!: boolean;
  unconferenceId!: string;
}

@ObjectType({ description: 'What the signed-in person may do in an unconference.' })
export class UnconferenceViewer {
  @Field(() => UnconferenceParticipant, { nullable: true, description: 'Their participant record, once they have joined.' }) participant!: UnconferenceParticipant | null;
  @Field({ description: 'They organise it: its member’s tenant admin, or a consortium admin.' }) canOrganise!: boolean;
  @Field({ description: 'They act for an organisation (a member or a guest), so may join, propose and vote.' }) canTakePart!: boolean;
  @Field(() => Int, { description: 'Votes they have cast on live proposals.' }) votesUsed!: number;
  @Field(() => Int) votesLeft!: number;
  @Field(() => [ID], { description: 'The proposals they voted for (their own votes only: nobody sees anyone else’s).' }) votedProposalIds!: string[];
}

@ObjectType({ description: 'An unconference: rooms and time slots, proposals with co-hosts, votes, a timetable without clashes, and notes.' })
export class Unconference {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'Where it happens, in words (an address, "online").' }) venue!: string | null;
  @Field(() => UnconferenceStatus) status!: UnconferenceStatusValue;
  @Field(() => Int) votesPerParticipant!: number;
  @Field(() => UnconferenceOrganiserKind) organiserKind!: 'consortium' | 'member';
  @Field(() => String, { nullable: true, description: 'The organising member’s name; null when the consortium organises it.' }) organiserName!: string | null;
  @Field(() => Date, { nullable: true, description: 'When its first slot starts.' }) startsAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When its last slot ends.' }) endsAt!: Date | null;
  @Field(() => Int, { description: 'Proposals not withdrawn.' }) proposalCount!: number;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  organisationId!: string | null;
}

@ObjectType()
export class UnconferenceConnection extends Connection(Unconference) {}

// ---- Typed failures ------------------------------------------------------------------------

@ObjectType({ implements: () => ErrorResult })
export class UnconferenceNotFound implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_NOT_FOUND';
  @Field() message!: string;
  static of(id: string): UnconferenceNotFound {
    return Object.assign(new UnconferenceNotFound(), { code: 'UNCONFERENCE_NOT_FOUND', message: `There is no unconference ${id}` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Only the organising member’s tenant admins and consortium admins organise an unconference.' })
export class UnconferenceNotOrganiser implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_NOT_ORGANISER';
  @Field() message!: string;
  static of(title: string): UnconferenceNotOrganiser {
    return Object.assign(new UnconferenceNotOrganiser(), {
      code: 'UNCONFERENCE_NOT_ORGANISER',
      message: `Only its organiser can change “${title}”: the organising member’s tenant admins, or a consortium admin`,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'The unconference is not at the stage this needs.' })
export class UnconferenceWrongStatus implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_WRONG_STATUS';
  @Field() message!: string;
  @Field(() => UnconferenceStatus) status!: UnconferenceStatusValue;
  static of(status: UnconferenceStatusValue, message: string): UnconferenceWrongStatus {
    return Object.assign(new UnconferenceWrongStatus(), { code: 'UNCONFERENCE_WRONG_STATUS', message, status });
  }
}

@ObjectType({ implements: () => ErrorResult })
export class UnconferenceInvalid implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_INVALID';
  @Field() message!: string;
  @Field(() => [InputProblem]) problems!: InputProblem[];
  static of(field: string, message: string): UnconferenceInvalid {
    return Object.assign(new UnconferenceInvalid(), { code: 'UNCONFERENCE_INVALID', message, problems: [InputProblem.of(field, message)] });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'A move refused because it would put someone in two sessions at once.' })
export class UnconferenceSessionHostClash implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_SESSION_HOST_CLASH';
  @Field() message!: string;
  @Field({ description: 'Who would be in two places.' }) participantName!: string;
  @Field({ description: 'The session they are already in, in that slot.' }) otherSessionTitle!: string;
  static of(participantName: string, otherSessionTitle: string): UnconferenceSessionHostClash {
    return Object.assign(new UnconferenceSessionHostClash(), {
      code: 'UNCONFERENCE_SESSION_HOST_CLASH',
      message: `${participantName} is already in “${otherSessionTitle}” in that slot`,
      participantName,
      otherSessionTitle,
    });
  }
}

@ObjectType({ implements: () => ErrorResult })
export class SessionProposalNotFound implements ErrorResult {
  @Field() code!: 'SESSION_PROPOSAL_NOT_FOUND';
  @Field() message!: string;
  static of(id: string): SessionProposalNotFound {
    return Object.assign(new SessionProposalNotFound(), { code: 'SESSION_PROPOSAL_NOT_FOUND', message: `There is no session proposal ${id}` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Only a proposal’s host may withdraw it.' })
export class SessionProposalNotHost implements ErrorResult {
  @Field() code!: 'SESSION_PROPOSAL_NOT_HOST';
  @Field() message!: string;
  static of(title: string): SessionProposalNotHost {
    return Object.assign(new SessionProposalNotHost(), { code: 'SESSION_PROPOSAL_NOT_HOST', message: `Only the host of “${title}” can do that` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Every participant has the same number of votes per unconference.' })
export class SessionProposalVoteLimitReached implements ErrorResult {
  @Field() code!: 'SESSION_PROPOSAL_VOTE_LIMIT_REACHED';
  @Field() message!: string;
  @Field(() => Int) limit!: number;
  static of(limit: number): SessionProposalVoteLimitReached {
    return Object.assign(new SessionProposalVoteLimitReached(), {
      code: 'SESSION_PROPOSAL_VOTE_LIMIT_REACHED',
      message: `You have used all ${limit} of your votes; take one back to vote for this`,
      limit,
    });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'Notes are shared once a session has begun.' })
export class UnconferenceSessionNotStarted implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_SESSION_NOT_STARTED';
  @Field() message!: string;
  @Field(() => Date, { nullable: true, description: 'When it begins; null when it is not in the published timetable.' }) startsAt!: Date | null;
  static of(startsAt: Date | null): UnconferenceSessionNotStarted {
    return Object.assign(new UnconferenceSessionNotStarted(), {
      code: 'UNCONFERENCE_SESSION_NOT_STARTED',
      message: startsAt ? 'Notes can be shared once the session has begun' : 'Notes are for sessions in the published timetable',
      startsAt,
    });
  }
}

@ObjectType({ implements: () => ErrorResult })
export class UnconferenceSessionNoteNotFound implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_SESSION_NOTE_NOT_FOUND';
  @Field() message!: string;
  static of(id: string): UnconferenceSessionNoteNotFound {
    return Object.assign(new UnconferenceSessionNoteNotFound(), { code: 'UNCONFERENCE_SESSION_NOTE_NOT_FOUND', message: `There is no session note ${id}` });
  }
}

@ObjectType({ implements: () => ErrorResult, description: 'A note is edited by its author only.' })
export class UnconferenceSessionNoteNotAuthor implements ErrorResult {
  @Field() code!: 'UNCONFERENCE_SESSION_NOTE_NOT_AUTHOR';
  @Field() message!: string;
  static of(): UnconferenceSessionNoteNotAuthor {
    return Object.assign(new UnconferenceSessionNoteNotAuthor(), { code: 'UNCONFERENCE_SESSION_NOTE_NOT_AUTHOR', message: 'Only its author can edit a note' });
  }
}

// ---- Results -------------------------------------------------------------------------------

export const UnconferenceResult = resultUnion('UnconferenceResult', 'The unconference as changed, or why nothing changed.', [
  Unconference, UnconferenceNotFound, UnconferenceNotOrganiser, UnconferenceWrongStatus, UnconferenceInvalid,
]);
export type UnconferenceFailure = UnconferenceNotFound | UnconferenceNotOrganiser | UnconferenceWrongStatus | UnconferenceInvalid;

export const UnconferenceTimetableResult = resultUnion(
  'UnconferenceTimetableResult',
  'The unconference with its timetable drafted or changed, or why nothing changed (a move that would put someone in two places is refused).',
  [Unconference, UnconferenceNotFound, UnconferenceNotOrganiser, UnconferenceWrongStatus, UnconferenceInvalid, UnconferenceSessionHostClash],
);
export type UnconferenceTimetableFailure = UnconferenceFailure | UnconferenceSessionHostClash;

export const UnconferenceParticipantResult = resultUnion('UnconferenceParticipantResult', 'The participant record, or why they cannot join.', [
  UnconferenceParticipant, UnconferenceNotFound, UnconferenceWrongStatus,
]);

export const SessionProposalResult = resultUnion('SessionProposalResult', 'The proposal as changed, or why nothing changed.', [
  SessionProposal, UnconferenceNotFound, SessionProposalNotFound, UnconferenceWrongStatus, SessionProposalNotHost, UnconferenceInvalid,
]);
export type SessionProposalFailure = UnconferenceNotFound | SessionProposalNotFound | UnconferenceWrongStatus | SessionProposalNotHost | UnconferenceInvalid;

export const SessionProposalVoteResult = resultUnion('SessionProposalVoteResult', 'The proposal with its new count, or why the vote was refused.', [
  SessionProposal, SessionProposalNotFound, UnconferenceWrongStatus, SessionProposalVoteLimitReached,
]);
export type SessionProposalVoteFailure = SessionProposalNotFound | UnconferenceWrongStatus | SessionProposalVoteLimitReached;

export const UnconferenceSessionNoteResult = resultUnion('UnconferenceSessionNoteResult', 'The note as written, or why it was refused.', [
  UnconferenceSessionNote, SessionProposalNotFound, UnconferenceWrongStatus, UnconferenceSessionNotStarted, UnconferenceSessionNoteNotFound,
  UnconferenceSessionNoteNotAuthor,
]);
export type UnconferenceSessionNoteFailure =
  | SessionProposalNotFound
  | UnconferenceWrongStatus
  | UnconferenceSessionNotStarted
  | UnconferenceSessionNoteNotFound
  | UnconferenceSessionNoteNotAuthor;
