import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { hearthContext } from '@hearth/platform-database';
import { connectionCost, IdArg } from '@hearth/platform-graphql';
import {
  CreateUnconferenceInput, UnconferenceRoomInput, UnconferenceSessionMoveInput, UnconferenceSlotInput, UnconferencesArgs, UpdateUnconferenceInput,
} from './dto/unconference.input';
import {
  SessionProposal, Unconference, UnconferenceConnection, UnconferenceParticipant, UnconferenceResult, UnconferenceRoom, UnconferenceSlot,
  UnconferenceTimetable, UnconferenceTimetableResult, UnconferenceViewer,
} from './unconference.model';
import { UnconferenceCalendar } from './unconference-calendar';
import { UnconferenceReader } from './unconference.reader';
import { UnconferenceService } from './unconference.service';
import { UnconferenceWork } from './unconference-work';
import { unconferencesPermissions as can } from './unconferences.permissions';

type Changed = Promise<typeof UnconferenceResult>;

@Resolver(() => Unconference)
export class UnconferenceResolver {
  constructor(
    private readonly service: UnconferenceService,
    private readonly reader: UnconferenceReader,
    private readonly work: UnconferenceWork,
    private readonly calendar: UnconferenceCalendar,
  ) {}

  @Query(() => UnconferenceConnection, { description: 'Unconferences, newest first; drafts only for those who organise them.', complexity: connectionCost })
  @Access(can.read)
  unconferences(@Args() args: UnconferencesArgs): Promise<UnconferenceConnection> {
    return this.service.list(args);
  }

  @Query(() => Unconference, { nullable: true })
  @Access(can.read)
  unconference(@IdArg('id') id: string): Promise<Unconference | null> {
    return this.service.find(id);
  }

  @Mutation(() => UnconferenceResult, { description: 'A new unconference, as a draft: for the member of a tenant admin, or for the consortium by a consortium admin.' })
  @Access(can.organise)
  createUnconference(@Args('input') input: CreateUnconferenceInput): Changed {
    return this.service.create(input);
  }

  @Mutation(() => UnconferenceResult)
  @Access(can.organise)
  updateUnconference(@Args('input') input: UpdateUnconferenceInput): Changed {
    return this.service.update(input);
  }

  @Mutation(() => UnconferenceResult, { description: 'Until the timetable is drafted.' })
  @Access(can.organise)
  addUnconferenceRoom(@Args('input') input: UnconferenceRoomInput): Changed {
    return this.service.addRoom(input);
  }

  @Mutation(() => UnconferenceResult, { description: 'Until the timetable is drafted.' })
  @Access(can.organise)
  removeUnconferenceRoom(@IdArg('unconferenceId') unconferenceId: string, @IdArg('roomId') roomId: string): Changed {
    return this.service.removeRoom(unconferenceId, roomId);
  }

  @Mutation(() => UnconferenceResult, { description: 'Until the timetable is drafted; refused if it overlaps another slot.' })
  @Access(can.organise)
  addUnconferenceSlot(@Args('input') input: UnconferenceSlotInput): Changed {
    return this.service.addSlot(input);
  }

  @Mutation(() => UnconferenceResult, { description: 'Until the timetable is drafted.' })
  @Access(can.organise)
  removeUnconferenceSlot(@IdArg('unconferenceId') unconferenceId: string, @IdArg('slotId') slotId: string): Changed {
    return this.service.removeSlot(unconferenceId, slotId);
  }

  @Mutation(() => UnconferenceResult, { description: 'DRAFT to PROPOSALS_OPEN: people may join and propose sessions.' })
  @Access(can.organise)
  openUnconferenceProposals(@IdArg('id') id: string): Changed {
    return this.service.advance(id, 'openProposals');
  }

  @Mutation(() => UnconferenceResult, { description: 'PROPOSALS_OPEN to VOTING_OPEN: people vote (and may still propose).' })
  @Access(can.organise)
  openUnconferenceVoting(@IdArg('id') id: string): Changed {
    return this.service.advance(id, 'openVoting');
  }

  @Mutation(() => UnconferenceTimetableResult, {
    description: 'Runs the scheduler (docs/collaboration/unconferences.md): drafts the timetable from the votes, keeping pinned sessions; again to redraft it. VOTING_OPEN or SCHEDULED to SCHEDULED.',
  })
  @Access(can.organise)
  scheduleUnconference(@IdArg('id') id: string): Promise<typeof UnconferenceTimetableResult> {
    return this.service.schedule(id);
  }

  @Mutation(() => UnconferenceTimetableResult, { description: 'Moves a session (swapping with one already there), re-checked for clashes; it stays pinned there.' })
  @Access(can.organise)
  moveUnconferenceSession(@Args('input') input: UnconferenceSessionMoveInput): Promise<typeof UnconferenceTimetableResult> {
    return this.service.move(input);
  }

  @Mutation(() => UnconferenceResult, { description: 'SCHEDULED to PUBLISHED: the timetable is final, in the console and as iCalendar, and notes may be shared as sessions begin.' })
  @Access(can.organise)
  publishUnconference(@IdArg('id') id: string): Changed {
    return this.service.advance(id, 'publish');
  }

  @Mutation(() => UnconferenceResult, { description: 'PUBLISHED to FINISHED.' })
  @Access(can.organise)
  finishUnconference(@IdArg('id') id: string): Changed {
    return this.service.advance(id, 'finish');
  }

  @ResolveField(() => [UnconferenceRoom], { description: 'Biggest first.' })
  rooms(@Parent() event: Unconference): Promise<UnconferenceRoom[]> {
    return this.reader.rooms().load(event.id);
  }

  @ResolveField(() => [UnconferenceSlot], { description: 'Earliest first.' })
  slots(@Parent() event: Unconference): Promise<UnconferenceSlot[]> {
    return this.reader.slots().load(event.id);
  }

  @ResolveField(() => [UnconferenceParticipant], { description: 'By name.' })
  participants(@Parent() event: Unconference): Promise<UnconferenceParticipant[]> {
    return this.reader.participants().load(event.id);
  }

  @ResolveField(() => [SessionProposal], { description: 'In the order they were proposed; withdrawn ones only when asked for.' })
  async proposals(
    @Parent() event: Unconference,
    @Args('includeWithdrawn', { type: () => Boolean, nullable: true, defaultValue: false }) includeWithdrawn: boolean,
  ): Promise<SessionProposal[]> {
    const all = await this.reader.proposals().load(event.id);
    return includeWithdrawn ? all : all.filter((proposal) => !proposal.withdrawn);
  }

  @ResolveField(() => UnconferenceTimetable, { nullable: true, description: 'Null until the organiser first runs the scheduler.' })
  timetable(@Parent() event: Unconference): UnconferenceTimetable | null {
    if (!['scheduled', 'published', 'finished'].includes(event.status)) return null;
    return Object.assign(new UnconferenceTimetable(), { draft: event.status === 'scheduled', unconferenceId: event.id });
  }

  @ResolveField(() => UnconferenceViewer)
  async viewer(@Parent() event: Unconference): Promise<UnconferenceViewer> {
    const [participant, votes] = await Promise.all([this.reader.viewerParticipant(event.id), this.reader.myVotes().load(event.id)]);
    const used = votes.filter((vote) => vote.live).length;
    return Object.assign(new UnconferenceViewer(), {
      participant,
      canOrganise: this.work.organiserMode(event) !== null,
      canTakePart: Boolean(hearthContext.require().organisationId),
      votesUsed: used,
      votesLeft: Math.max(0, event.votesPerParticipant - used),
      votedProposalIds: votes.filter((vote) => vote.live).map((vote) => vote.proposalId),
    });
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The published timetable as an iCalendar (RFC 5545) document, with abstracts and hosts; null until published. Calendar apps subscribe to the public feed at /calendar/unconferences/<id>.ics instead.',
  })
  icalendar(@Parent() event: Unconference): Promise<string | null> {
    return this.calendar.render(event, 'signed-in');
  }
}
