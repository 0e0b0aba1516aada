import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { IdArg } from '@hearth/platform-graphql';
import { SessionProposalInput, UnconferenceSessionNoteEditInput, UnconferenceSessionNoteInput } from './dto/unconference.input';
import { rankSessions } from './unconference-scheduler';
import {
  SessionProposal, SessionProposalResult, SessionProposalVoteResult, UnconferenceParticipant, UnconferenceParticipantResult, UnconferenceRoom,
  UnconferenceSession, UnconferenceSessionNote, UnconferenceSessionNoteResult, UnconferenceSlot, UnconferenceTimetable,
} from './unconference.model';
import { UnconferenceReader } from './unconference.reader';
import { SessionProposalService } from './session-proposal.service';
import { unconferencesPermissions as can } from './unconferences.permissions';

async function participant(reader: UnconferenceReader, eventId: string, id: string): Promise<UnconferenceParticipant> {
  const found = (await reader.participants().load(eventId)).find((p) => p.id === id);
  if (!found) throw new Error(`Participant ${id} of unconference ${eventId} was not found`);
  return found;
}

@Resolver(() => SessionProposal)
export class SessionProposalResolver {
  constructor(
    private readonly service: SessionProposalService,
    private readonly reader: UnconferenceReader,
  ) {}

  @Mutation(() => UnconferenceParticipantResult, { description: 'Joins an unconference for one’s organisation, so others can name one as a co-host. Proposing, voting and writing a note join too.' })
  @Access(can.takePart)
  joinUnconference(@IdArg('unconferenceId') unconferenceId: string): Promise<typeof UnconferenceParticipantResult> {
    return this.service.join(unconferenceId);
  }

  @Mutation(() => SessionProposalResult, { description: 'Proposes a session, hosted by the proposer, while proposals or voting are open.' })
  @Access(can.takePart)
  proposeUnconferenceSession(@Args('input') input: SessionProposalInput): Promise<typeof SessionProposalResult> {
    return this.service.propose(input);
  }

  @Mutation(() => SessionProposalResult, { description: 'By its host, until the timetable is drafted; votes for it are given back.' })
  @Access(can.takePart)
  withdrawSessionProposal(@IdArg('proposalId') proposalId: string): Promise<typeof SessionProposalResult> {
    return this.service.withdraw(proposalId);
  }

  @Mutation(() => SessionProposalVoteResult, { description: 'One vote, while voting is open, within the votes per participant; voting again for the same proposal changes nothing.' })
  @Access(can.takePart)
  voteForSessionProposal(@IdArg('proposalId') proposalId: string): Promise<typeof SessionProposalVoteResult> {
    return this.service.vote(proposalId);
  }

  @Mutation(() => SessionProposalVoteResult, { description: 'Takes one’s vote back, while voting is open.' })
  @Access(can.takePart)
  withdrawSessionProposalVote(@IdArg('proposalId') proposalId: string): Promise<typeof SessionProposalVoteResult> {
    return this.service.unvote(proposalId);
  }

  @Mutation(() => UnconferenceSessionNoteResult, { description: 'Shares a note (Markdown) on a session of the published timetable, once it has begun.' })
  @Access(can.takePart)
  writeUnconferenceSessionNote(@Args('input') input: UnconferenceSessionNoteInput): Promise<typeof UnconferenceSessionNoteResult> {
    return this.service.writeNote(input);
  }

  @Mutation(() => UnconferenceSessionNoteResult, { description: 'By its author.' })
  @Access(can.takePart)
  editUnconferenceSessionNote(@Args('input') input: UnconferenceSessionNoteEditInput): Promise<typeof UnconferenceSessionNoteResult> {
    return this.service.editNote(input);
  }

  @ResolveField(() => UnconferenceParticipant)
  host(@Parent() proposal: SessionProposal): Promise<UnconferenceParticipant> {
    return participant(this.reader, proposal.unconferenceId, proposal.hostParticipantId);
  }

  @ResolveField(() => [UnconferenceParticipant])
  async cohosts(@Parent() proposal: SessionProposal): Promise<UnconferenceParticipant[]> {
    return Promise.all(proposal.cohostParticipantIds.map((id) => participant(this.reader, proposal.unconferenceId, id)));
  }

  @ResolveField(() => Boolean, { description: 'The signed-in person voted for it.' })
  async votedByViewer(@Parent() proposal: SessionProposal): Promise<boolean> {
    return (await this.reader.myVotes().load(proposal.unconferenceId)).some((vote) => vote.proposalId === proposal.id);
  }

  @ResolveField(() => Boolean, { description: 'The signed-in person hosts or co-hosts it.' })
  async hostedByViewer(@Parent() proposal: SessionProposal): Promise<boolean> {
    const me = await this.reader.viewerParticipant(proposal.unconferenceId);
    return Boolean(me && (me.id === proposal.hostParticipantId || proposal.cohostParticipantIds.includes(me.id)));
  }

  @ResolveField(() => UnconferenceSession, { nullable: true, description: 'Its place in the timetable, if it has one.' })
  async session(@Parent() proposal: SessionProposal): Promise<UnconferenceSession | null> {
    return (await this.reader.sessions().load(proposal.unconferenceId)).find((s) => s.proposalId === proposal.id) ?? null;
  }

  @ResolveField(() => [UnconferenceSessionNote], { description: 'Oldest first.' })
  notes(@Parent() proposal: SessionProposal): Promise<UnconferenceSessionNote[]> {
    return this.reader.notes().load(proposal.id);
  }
}

@Resolver(() => UnconferenceTimetable)
export class UnconferenceTimetableResolver {
  constructor(private readonly reader: UnconferenceReader) {}

  @ResolveField(() => [UnconferenceSession], { description: 'By slot, then room, biggest first.' })
  async sessions(@Parent() timetable: UnconferenceTimetable): Promise<UnconferenceSession[]> {
    return this.reader.sessions().load(timetable.unconferenceId);
  }

  @ResolveField(() => [SessionProposal], { description: 'Live proposals the timetable leaves out (status UNSCHEDULED, with the reason), most voted first.' })
  async unscheduled(@Parent() timetable: UnconferenceTimetable): Promise<SessionProposal[]> {
    const proposals = await this.reader.proposals().load(timetable.unconferenceId);
    const byRank = new Map(rankSessions(proposals.map((p) => ({ id: p.id, votes: p.voteCount }))).map((p, index) => [p.id, index]));
    return proposals.filter((p) => p.status === 'unscheduled').sort((a, b) => byRank.get(a.id)! - byRank.get(b.id)!);
  }
}

@Resolver(() => UnconferenceSession)
export class UnconferenceSessionResolver {
  constructor(private readonly reader: UnconferenceReader) {}

  @ResolveField(() => SessionProposal)
  async proposal(@Parent() session: UnconferenceSession): Promise<SessionProposal> {
    return (await this.reader.proposals().load(session.unconferenceId)).find((p) => p.id === session.proposalId)!;
  }

  @ResolveField(() => UnconferenceRoom)
  async room(@Parent() session: UnconferenceSession): Promise<UnconferenceRoom> {
    return (await this.reader.rooms().load(session.unconferenceId)).find((room) => room.id === session.roomId)!;
  }

  @ResolveField(() => UnconferenceSlot)
  async slot(@Parent() session: UnconferenceSession): Promise<UnconferenceSlot> {
    return (await this.reader.slots().load(session.unconferenceId)).find((slot) => slot.id === session.slotId)!;
  }
}

@Resolver(() => UnconferenceSessionNote)
export class UnconferenceSessionNoteResolver {
  constructor(private readonly reader: UnconferenceReader) {}

  @ResolveField(() => UnconferenceParticipant)
  async author(@Parent() note: UnconferenceSessionNote): Promise<UnconferenceParticipant> {
    return participant(this.reader, note.unconferenceId, note.authorParticipantId);
  }

  @ResolveField(() => Boolean, { description: 'The signed-in person wrote it, so may edit it.' })
  async editableByViewer(@Parent() note: UnconferenceSessionNote): Promise<boolean> {
    const me = await this.reader.viewerParticipant(note.unconferenceId);
    return me?.id === note.authorParticipantId;
  }
}
