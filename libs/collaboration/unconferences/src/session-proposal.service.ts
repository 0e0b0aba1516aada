import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { actorLabel, hearthContext, TransactionManager } from '@hearth/platform-database';
import type { SessionProposalInput, UnconferenceSessionNoteEditInput, UnconferenceSessionNoteInput } from './dto/unconference.input';
import {
  SessionProposal, SessionProposalNotFound, SessionProposalNotHost, SessionProposalVoteLimitReached, UnconferenceInvalid, UnconferenceNotFound,
  UnconferenceParticipant, UnconferenceSessionNote, UnconferenceSessionNoteNotAuthor, UnconferenceSessionNoteNotFound, UnconferenceSessionNotStarted,
  UnconferenceWrongStatus, type SessionProposalFailure, type SessionProposalVoteFailure, type Unconference, type UnconferenceSessionNoteFailure,
} from './unconference.model';
import { UnconferenceReader } from './unconference.reader';
import { UnconferenceService } from './unconference.service';
import { PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION, UnconferenceWork } from './unconference-work';
import { UnconferencesEvent } from './unconferences.permissions';

/**
 * Taking part: joining, proposing sessions with co-hosts, voting, and sharing notes. Anyone who
 * works together (members' staff, guests) may, each in their own organisation's name: the
 * tables' policies refuse any row written for another organisation.
 */
@Injectable()
export class SessionProposalService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly reader: UnconferenceReader,
    private readonly events: UnconferenceService,
    private readonly work: UnconferenceWork,
  ) {}

  async join(unconferenceId: string): Promise<UnconferenceParticipant | UnconferenceNotFound | UnconferenceWrongStatus> {
    const event = await this.events.find(unconferenceId);
    if (!event) return UnconferenceNotFound.of(unconferenceId);
    if (event.status === 'draft' || event.status === 'finished') {
      return UnconferenceWrongStatus.of(event.status, event.status === 'draft' ? 'People join once proposals open' : 'That unconference has finished');
    }
    return this.participantFor(event);
  }

  async propose(input: SessionProposalInput): Promise<SessionProposal | SessionProposalFailure> {
    const event = await this.events.find(input.unconferenceId);
    if (!event) return UnconferenceNotFound.of(input.unconferenceId);
    if (!['proposals_open', 'voting_open'].includes(event.status)) {
      return UnconferenceWrongStatus.of(event.status, 'Sessions are proposed while proposals or voting are open');
    }
    const cohostIds = [...new Set(input.cohostParticipantIds ?? [])];
    if (cohostIds.length) {
      const known = await this.transactions.query<{ id: string }>(
        `select id from hearth.unconference_participant where unconference_id = $1 and id = any($2)`,
        [event.id, cohostIds],
      );
      if (known.length !== cohostIds.length) return UnconferenceInvalid.of('cohostParticipantIds', 'Co-hosts must be people who have joined this unconference');
    }
    const host = await this.participantFor(event);
    if (cohostIds.includes(host.id)) return UnconferenceInvalid.of('cohostParticipantIds', 'You host it already; choose others as co-hosts');
    const [{ id }] = await this.transactions.query<{ id: string }>(
      `insert into hearth.session_proposal (unconference_id, host_participant_id, organisation_id, title, abstract)
       values ($1, $2, $3, $4, $5) returning id`,
      [event.id, host.id, host.organisationId, input.title, input.abstract?.trim() ?? ''],
    );
    if (cohostIds.length) {
      await this.transactions.query(
        `insert into hearth.proposal_cohost (unconference_id, proposal_id, participant_id) select $1, $2, unnest($3::uuid[])`,
        [event.id, id, cohostIds],
      );
    }
    const proposal = (await this.reader.proposal(id))!;
    await this.work.record(
      { operation: 'proposeUnconferenceSession', targetType: 'session_proposal', targetId: id, after: proposal },
      { type: UnconferencesEvent.Proposed, aggregateType: 'session_proposal', aggregateId: id, payload: { id, unconferenceId: event.id, title: proposal.title } },
    );
    return proposal;
  }

  /** Withdraws a proposal, by its host, until the timetable is drafted. */
  async withdraw(proposalId: string): Promise<SessionProposal | SessionProposalFailure> {
    const found = await this.live(proposalId);
    if (!(found instanceof SessionProposal)) return found;
    const event = (await this.reader.event(found.unconferenceId))!;
    if (!['proposals_open', 'voting_open'].includes(event.status)) {
      return UnconferenceWrongStatus.of(event.status, 'Once the timetable is drafted, ask the organiser to take a session out');
    }
    const me = await this.reader.viewerParticipant(event.id);
    if (!me || me.id !== found.hostParticipantId) return SessionProposalNotHost.of(found.title);
    await this.transactions.query(`update hearth.session_proposal set status = 'withdrawn', updated_at = now() where id = $1`, [proposalId]);
    const proposal = (await this.reader.proposal(proposalId))!;
    await this.work.record(
      { operation: 'withdrawSessionProposal', targetType: 'session_proposal', targetId: proposalId, before: found, after: proposal },
      { type: UnconferencesEvent.ProposalChanged, aggregateType: 'session_proposal', aggregateId: proposalId, payload: { id: proposalId, status: 'withdrawn' } },
    );
    return proposal;
  }

  /**
   * One vote for a proposal, while voting is open, within the event's votes per participant.
   * Votes one person casts at once are counted one after another: their participant row is
   * locked first (and the database's trigger counts again under the same lock). Voting twice for
   * one proposal changes nothing.
   */
  async vote(proposalId: string): Promise<SessionProposal | SessionProposalVoteFailure> {
    const found = await this.live(proposalId);
    if (!(found instanceof SessionProposal)) return found;
    const event = (await this.reader.event(found.unconferenceId))!;
    if (event.status !== 'voting_open') return UnconferenceWrongStatus.of(event.status, 'Voting is not open');
    const me = await this.participantFor(event);
    await this.transactions.query(`select 1 from hearth.unconference_participant where id = $1 for update`, [me.id]);
    const [{ cast, used }] = await this.transactions.query<{ cast: boolean; used: number }>(
      `select bool_or(v.proposal_id = $2) as cast, count(*) filter (where p.status = 'proposed')::int as used
         from hearth.proposal_vote v join hearth.session_proposal p on p.id = v.proposal_id
        where v.participant_id = $1`,
      [me.id, proposalId],
    );
    if (cast) return found;
    if (used >= event.votesPerParticipant) return SessionProposalVoteLimitReached.of(event.votesPerParticipant);
    const refused = await this.work.attempt(
      async () => {
        await this.transactions.query(
          `insert into hearth.proposal_vote (unconference_id, proposal_id, participant_id, organisation_id) values ($1, $2, $3, $4)`,
          [event.id, proposalId, me.id, me.organisationId],
        );
        return null;
      },
      [PG_CHECK_VIOLATION, PG_UNIQUE_VIOLATION],
      (error) => (error.code === PG_UNIQUE_VIOLATION || error.driverError?.code === PG_UNIQUE_VIOLATION ? found : SessionProposalVoteLimitReached.of(event.votesPerParticipant)),
    );
    if (refused) return refused;
    return this.afterVote(proposalId, 'voteForSessionProposal', found);
  }

  /** Takes one's vote back, while voting is open. */
  async unvote(proposalId: string): Promise<SessionProposal | SessionProposalVoteFailure> {
    const found = await this.reader.proposal(proposalId);
    if (!found) return SessionProposalNotFound.of(proposalId);
    const event = (await this.reader.event(found.unconferenceId))!;
    if (event.status !== 'voting_open') return UnconferenceWrongStatus.of(event.status, 'Voting is not open');
    const me = await this.reader.viewerParticipant(event.id);
    if (!me) return found;
    const removed = await this.transactions.query(`delete from hearth.proposal_vote where proposal_id = $1 and participant_id = $2 returning 1`, [proposalId, me.id]);
    if (!removed.length) return found;
    return this.afterVote(proposalId, 'withdrawSessionProposalVote', found);
  }

  /** A note on a session of the published timetable, once it has begun. */
  async writeNote(input: UnconferenceSessionNoteInput): Promise<UnconferenceSessionNote | UnconferenceSessionNoteFailure> {
    const proposal = await this.reader.proposal(input.proposalId);
    if (!proposal) return SessionProposalNotFound.of(input.proposalId);
    const event = (await this.reader.event(proposal.unconferenceId))!;
    if (!['published', 'finished'].includes(event.status)) {
      return UnconferenceWrongStatus.of(event.status, 'Notes are shared once the timetable is published');
    }
    const [session] = await this.transactions.query<{ starts_at: Date; started: boolean }>(
      `select sl.starts_at, sl.starts_at <= now() as started
         from hearth.scheduled_session s join hearth.unconference_slot sl on sl.id = s.slot_id where s.proposal_id = $1`,
      [proposal.id],
    );
    if (!session?.started) return UnconferenceSessionNotStarted.of(session?.starts_at ?? null);
    const author = await this.participantFor(event);
    const [{ id }] = await this.transactions.query<{ id: string }>(
      `insert into hearth.session_note (unconference_id, proposal_id, author_participant_id, organisation_id, body)
       values ($1, $2, $3, $4, $5) returning id`,
      [event.id, proposal.id, author.id, author.organisationId, input.body],
    );
    const note = (await this.reader.note(id))!;
    await this.work.record(
      { operation: 'writeUnconferenceSessionNote', targetType: 'session_note', targetId: id, after: note },
      { type: UnconferencesEvent.NoteWritten, aggregateType: 'session_note', aggregateId: id, payload: { id, proposalId: proposal.id } },
    );
    return note;
  }

  async editNote(input: UnconferenceSessionNoteEditInput): Promise<UnconferenceSessionNote | UnconferenceSessionNoteFailure> {
    const before = await this.reader.note(input.noteId);
    if (!before) return UnconferenceSessionNoteNotFound.of(input.noteId);
    const me = await this.reader.viewerParticipant(before.unconferenceId);
    if (!me || me.id !== before.authorParticipantId) return UnconferenceSessionNoteNotAuthor.of();
    await this.transactions.query(`update hearth.session_note set body = $2, updated_at = now() where id = $1`, [input.noteId, input.body]);
    const note = (await this.reader.note(input.noteId))!;
    await this.work.record(
      { operation: 'editUnconferenceSessionNote', targetType: 'session_note', targetId: note.id, before, after: note },
      { type: UnconferencesEvent.NoteWritten, aggregateType: 'session_note', aggregateId: note.id, payload: { id: note.id, proposalId: note.proposalId } },
    );
    return note;
  }

  private async afterVote(proposalId: string, operation: string, before: SessionProposal): Promise<SessionProposal> {
    this.reader.forget();
    const proposal = (await this.reader.proposal(proposalId))!;
    // The count, never the voter, goes in the event: other members' systems learn only the tally.
    await this.work.record(
      { operation, targetType: 'session_proposal', targetId: proposalId, before: { voteCount: before.voteCount }, after: { voteCount: proposal.voteCount } },
      { type: UnconferencesEvent.Voted, aggregateType: 'session_proposal', aggregateId: proposalId, payload: { id: proposalId, voteCount: proposal.voteCount } },
    );
    return proposal;
  }

  /** A proposal that is still live (not withdrawn). */
  private async live(proposalId: string): Promise<SessionProposal | SessionProposalNotFound> {
    const proposal = await this.reader.proposal(proposalId);
    if (!proposal) return SessionProposalNotFound.of(proposalId);
    if (proposal.withdrawn) {
      return Object.assign(SessionProposalNotFound.of(proposalId), { message: `“${proposal.title}” was withdrawn by its host` });
    }
    return proposal;
  }

  /**
   * The signed-in person's participant record in the event, joining them (in their
   * organisation's name) if they have not yet. Someone who joined for one organisation takes
   * part for that one only.
   */
  private async participantFor(event: Unconference): Promise<UnconferenceParticipant> {
    const context = hearthContext.require();
    const organisationId = context.requireOrganisationId();
    const existing = await this.reader.viewerParticipant(event.id);
    if (existing) {
      if (existing.organisationId !== organisationId) {
        throw new HearthError('FORBIDDEN', `You joined “${event.title}” for ${existing.organisationName}; take part for that organisation`);
      }
      return existing;
    }
    const added = await this.transactions.query<{ id: string }>(
      `insert into hearth.unconference_participant (unconference_id, organisation_id, subject, display_name)
       values ($1, $2, $3, $4) on conflict (unconference_id, subject) do nothing returning id`,
      [event.id, organisationId, context.actor!.id, actorLabel(context.actor)],
    );
    this.reader.forget();
    const participant = (await this.reader.viewerParticipant(event.id))!;
    if (added.length) {
      await this.work.record(
        { operation: 'joinUnconference', targetType: 'unconference_participant', targetId: participant.id, after: participant },
        { type: UnconferencesEvent.Joined, aggregateType: 'unconference', aggregateId: event.id, payload: { unconferenceId: event.id, participantId: participant.id } },
      );
    }
    return participant;
  }
}
