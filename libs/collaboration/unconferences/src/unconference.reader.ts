import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { hearthContext, TransactionManager } from '@hearth/platform-database';
import { requestLoader } from '@hearth/platform-graphql';
import {
  SessionProposal, Unconference, UnconferenceParticipant, UnconferenceRoom, UnconferenceSession, UnconferenceSessionNote, UnconferenceSlot,
  type SessionProposalStatusValue, type UnconferenceStatusValue, type UnscheduledReasonValue,
} from './unconference.model';

/**
 * Every read of the unconference tables, as `hearth_app` under their policies: everything is
 * shared except votes, of which a unit of work sees only its own organisation's (and the
 * viewer's own, by subject, of those). Relations are per-request DataLoaders keyed by the event,
 * so a page of events costs one query per relation asked for.
 */
@Injectable()
export class UnconferenceReader {
  constructor(private readonly transactions: TransactionManager) {}

  /** The event with its summary figures; null when there is none. `lock` takes the row for update. */
  async event(id: string, lock = false): Promise<Unconference | null> {
    if (lock) await this.transactions.query(`select 1 from hearth.unconference where id = $1 for update`, [id]);
    const rows = await this.transactions.query<EventRow>(`${EVENT_SELECT} where u.id = $1`, [id]);
    return rows[0] ? toEvent(rows[0]) : null;
  }

  async list(where: string, params: unknown[], limit: number): Promise<(Unconference & { cursorKey: string })[]> {
    const rows = await this.transactions.query<EventRow & { cursor_key: string }>(
      `${EVENT_SELECT} ${where} order by u.created_at desc, u.id desc limit ${Number(limit)}`,
      params,
    );
    return rows.map((row) => Object.assign(toEvent(row), { cursorKey: row.cursor_key }));
  }

  rooms(): DataLoader<string, UnconferenceRoom[]> {
    return this.byEvent('rooms', `select * from hearth.unconference_room where unconference_id = any($1) order by capacity desc, name, id`, (row: RoomRow) =>
      Object.assign(new UnconferenceRoom(), { id: row.id, name: row.name, capacity: row.capacity, unconferenceId: row.unconference_id }),
    );
  }

  slots(): DataLoader<string, UnconferenceSlot[]> {
    return this.byEvent('slots', `select * from hearth.unconference_slot where unconference_id = any($1) order by starts_at, id`, (row: SlotRow) =>
      Object.assign(new UnconferenceSlot(), { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, unconferenceId: row.unconference_id }),
    );
  }

  participants(): DataLoader<string, UnconferenceParticipant[]> {
    const subject = hearthContext.require().actor?.id;
    return this.byEvent(
      'participants',
      `select p.*, coalesce(t.name, g.name, 'Unknown organisation') as organisation_name, g.id is not null as guest
         from hearth.unconference_participant p
         left join hearth.tenant t on t.id = p.organisation_id
         left join hearth.guest_organisation g on g.id = p.organisation_id
        where p.unconference_id = any($1)
        order by lower(p.display_name), p.id`,
      (row: ParticipantRow) => toParticipant(row, subject),
    );
  }

  proposals(): DataLoader<string, SessionProposal[]> {
    return this.byEvent('proposals', `${PROPOSAL_SELECT} where p.unconference_id = any($1) order by p.created_at, p.id`, toProposal);
  }

  sessions(): DataLoader<string, UnconferenceSession[]> {
    return this.byEvent(
      'sessions',
      `select s.*, sl.starts_at <= now() as started from hearth.scheduled_session s join hearth.unconference_slot sl on sl.id = s.slot_id
        where s.unconference_id = any($1) order by sl.starts_at, s.id`,
      (row: SessionRow) =>
        Object.assign(new UnconferenceSession(), {
          id: row.id, proposalId: row.proposal_id, roomId: row.room_id, slotId: row.slot_id, pinned: row.pinned, started: row.started, unconferenceId: row.unconference_id,
        }),
    );
  }

  notes(): DataLoader<string, UnconferenceSessionNote[]> {
    return requestLoader('unconferences:notes', async (proposalIds: readonly string[]) => {
      const rows = await this.transactions.query<NoteRow>(
        `select * from hearth.session_note where proposal_id = any($1) order by created_at, id`,
        [proposalIds],
      );
      return proposalIds.map((id) => rows.filter((row) => row.proposal_id === id).map(toNote));
    });
  }

  /** The signed-in person's votes in each event (their organisation's rows, narrowed to them). */
  myVotes(): DataLoader<string, { proposalId: string; live: boolean }[]> {
    const subject = hearthContext.require().actor?.id ?? '';
    return requestLoader('unconferences:myVotes', async (eventIds: readonly string[]) => {
      const rows = await this.transactions.query<{ unconference_id: string; proposal_id: string; live: boolean }>(
        `select v.unconference_id, v.proposal_id, pr.status = 'proposed' as live
           from hearth.proposal_vote v
           join hearth.unconference_participant p on p.id = v.participant_id
           join hearth.session_proposal pr on pr.id = v.proposal_id
          where v.unconference_id = any($1) and p.subject = $2`,
        [eventIds, subject],
      );
      return eventIds.map((id) => rows.filter((row) => row.unconference_id === id).map((row) => ({ proposalId: row.proposal_id, live: row.live })));
    });
  }

  async proposal(id: string): Promise<SessionProposal | null> {
    const rows = await this.transactions.query<ProposalRow>(`${PROPOSAL_SELECT} where p.id = $1`, [id]);
    return rows[0] ? toProposal(rows[0]) : null;
  }

  async note(id: string): Promise<UnconferenceSessionNote | null> {
    const rows = await this.transactions.query<NoteRow>(`select * from hearth.session_note where id = $1`, [id]);
    return rows[0] ? toNote(rows[0]) : null;
  }

  /** The signed-in person's participant record in an event, if they have joined. */
  async viewerParticipant(eventId: string): Promise<UnconferenceParticipant | null> {
    const subject = hearthContext.require().actor?.id;
    if (!subject) return null;
    return (await this.participants().load(eventId)).find((participant) => participant.subject === subject) ?? null;
  }

  /** Forgets what this unit of work has read, after it changed something. */
  forget(): void {
    const memo = hearthContext.require().memo;
    for (const key of [...memo.keys()]) {
      if (typeof key === 'string' && key.startsWith('dataloader:unconferences:')) memo.delete(key);
    }
  }

  private byEvent<Row extends { unconference_id: string }, T>(name: string, sql: string, map: (row: Row) => T): DataLoader<string, T[]> {
    return requestLoader(`unconferences:${name}`, async (eventIds: readonly string[]) => {
      const rows = await this.transactions.query<Row>(sql, [eventIds]);
      return eventIds.map((id) => rows.filter((row) => row.unconference_id === id).map(map));
    });
  }
}

const EVENT_SELECT = `
  select u.*, t.name as organiser_name, u.created_at::text as cursor_key,
         (select min(s.starts_at) from hearth.unconference_slot s where s.unconference_id = u.id) as starts_at,
         (select max(s.ends_at) from hearth.unconference_slot s where s.unconference_id = u.id) as ends_at,
         (select count(*)::int from hearth.session_proposal p where p.unconference_id = u.id and p.status = 'proposed') as proposal_count
    from hearth.unconference u left join hearth.tenant t on t.id = u.organisation_id`;

// A proposal's status as people see it: the stored one (proposed, withdrawn) read against the
// event's stage and the timetable.
const PROPOSAL_SELECT = `
  select p.*, u.status as event_status, s.id as session_id,
         (select r ->> 'reason' from jsonb_array_elements(u.unscheduled) r where r ->> 'proposalId' = p.id::text limit 1) as unscheduled_reason,
         array(select c.participant_id from hearth.proposal_cohost c where c.proposal_id = p.id order by c.added_at, c.participant_id) as cohost_ids
    from hearth.session_proposal p
    join hearth.unconference u on u.id = p.unconference_id
    left join hearth.scheduled_session s on s.proposal_id = p.id`;

interface EventRow {
  id: string;
  organisation_id: string | null;
  organiser_name: string | null;
  title: string;
  description: string;
  venue: string | null;
  votes_per_participant: number;
  status: UnconferenceStatusValue;
  created_at: Date;
  published_at: Date | null;
  starts_at: Date | null;
  ends_at: Date | null;
  proposal_count: number;
}

interface RoomRow { id: string; unconference_id: string; name: string; capacity: number }
interface SlotRow { id: string; unconference_id: string; starts_at: Date; ends_at: Date }
interface ParticipantRow { id: string; unconference_id: string; organisation_id: string; subject: string; display_name: string; organisation_name: string; guest: boolean }
interface SessionRow { id: string; unconference_id: string; proposal_id: string; room_id: string; slot_id: string; pinned: boolean; started: boolean }
interface NoteRow { id: string; unconference_id: string; proposal_id: string; author_participant_id: string; body: string; created_at: Date; updated_at: Date }

interface ProposalRow {
  id: string;
  unconference_id: string;
  host_participant_id: string;
  title: string;
  abstract: string;
  status: 'proposed' | 'withdrawn';
  vote_count: number;
  created_at: Date;
  event_status: UnconferenceStatusValue;
  session_id: string | null;
  unscheduled_reason: string | null;
  cohost_ids: string[];
}

const TIMETABLED: readonly UnconferenceStatusValue[] = ['scheduled', 'published', 'finished'];

function toEvent(row: EventRow): Unconference {
  return Object.assign(new Unconference(), {
    id: row.id,
    title: row.title,
    description: row.description,
    venue: row.venue,
    status: row.status,
    votesPerParticipant: row.votes_per_participant,
    organiserKind: row.organisation_id ? 'member' : 'consortium',
    organiserName: row.organiser_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    proposalCount: row.proposal_count,
    createdAt: row.created_at,
    publishedAt: row.published_at,
    organisationId: row.organisation_id,
  });
}

function toParticipant(row: ParticipantRow, viewer: string | undefined): UnconferenceParticipant {
  return Object.assign(new UnconferenceParticipant(), {
    id: row.id,
    displayName: row.display_name,
    organisationName: row.organisation_name,
    guest: row.guest,
    isViewer: row.subject === viewer,
    unconferenceId: row.unconference_id,
    organisationId: row.organisation_id,
    subject: row.subject,
  });
}

function toProposal(row: ProposalRow): SessionProposal {
  let status: SessionProposalStatusValue = row.status;
  if (row.status === 'proposed' && row.session_id) status = 'scheduled';
  else if (row.status === 'proposed' && TIMETABLED.includes(row.event_status)) status = 'unscheduled';
  return Object.assign(new SessionProposal(), {
    id: row.id,
    unconferenceId: row.unconference_id,
    title: row.title,
    abstract: row.abstract,
    status,
    voteCount: row.vote_count,
    unscheduledReason: status === 'unscheduled' ? ((row.unscheduled_reason?.toLowerCase() as UnscheduledReasonValue | undefined) ?? null) : null,
    createdAt: row.created_at,
    hostParticipantId: row.host_participant_id,
    cohostParticipantIds: row.cohost_ids,
    withdrawn: row.status === 'withdrawn',
  });
}

function toNote(row: NoteRow): UnconferenceSessionNote {
  return Object.assign(new UnconferenceSessionNote(), {
    id: row.id,
    proposalId: row.proposal_id,
    body: row.body,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    authorParticipantId: row.author_participant_id,
    unconferenceId: row.unconference_id,
  });
}
