import { Injectable } from '@nestjs/common';
import { Role } from '@hearth/platform-auth';
import { HearthError } from '@hearth/platform-core';
import { actorLabel, hearthContext, TransactionManager } from '@hearth/platform-database';
import { decodeTimeCursor, DEFAULT_PAGE_SIZE, toConnection } from '@hearth/platform-graphql';
import type {
  CreateUnconferenceInput, UnconferenceRoomInput, UnconferenceSessionMoveInput, UnconferenceSlotInput, UnconferencesArgs, UpdateUnconferenceInput,
} from './dto/unconference.input';
import { clashesIn, scheduleUnconference } from './unconference-scheduler';
import {
  Unconference, UnconferenceInvalid, UnconferenceNotFound, UnconferenceNotOrganiser, UnconferenceSessionHostClash, UnconferenceWrongStatus,
  type UnconferenceConnection, type UnconferenceFailure, type UnconferenceStatusValue, type UnconferenceTimetableFailure,
} from './unconference.model';
import { UnconferenceReader } from './unconference.reader';
import { PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION, UnconferenceWork, type OrganiserMode } from './unconference-work';
import { UnconferencesEvent } from './unconferences.permissions';

/** Stages at which the event's rooms and slots may still change (before a timetable uses them). */
const SETTING_UP: readonly UnconferenceStatusValue[] = ['draft', 'proposals_open', 'voting_open'];

const STAGE_WORDS: Record<UnconferenceStatusValue, string> = {
  draft: 'a draft',
  proposals_open: 'taking proposals',
  voting_open: 'taking votes',
  scheduled: 'scheduled (its timetable is a draft)',
  published: 'published',
  finished: 'finished',
};

/** The lifecycle's steps: where each may start from. */
const STEPS = {
  openProposals: { from: ['draft'], to: 'proposals_open', operation: 'openUnconferenceProposals' },
  openVoting: { from: ['proposals_open'], to: 'voting_open', operation: 'openUnconferenceVoting' },
  publish: { from: ['scheduled'], to: 'published', operation: 'publishUnconference' },
  finish: { from: ['published'], to: 'finished', operation: 'finishUnconference' },
} as const satisfies Record<string, { from: readonly UnconferenceStatusValue[]; to: UnconferenceStatusValue; operation: string }>;

export type UnconferenceStep = keyof typeof STEPS;

/**
 * An unconference as its organiser runs it: the event, its rooms and slots, its stages, the
 * scheduler's timetable and the organiser's moves. Every change is checked here (typed results)
 * and again by the tables' policies, which let only the organiser write these rows.
 */
@Injectable()
export class UnconferenceService {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly reader: UnconferenceReader,
    private readonly work: UnconferenceWork,
  ) {}

  /** Newest first. Drafts show only to those who may organise them. */
  async list(args: UnconferencesArgs): Promise<UnconferenceConnection> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const context = hearthContext.require();
    const roles = context.actor?.roles ?? [];
    const conditions = [
      `(u.status <> 'draft' or $1::boolean or (u.organisation_id = $2::uuid and $3::boolean))`,
      `($4::text is null or u.status = $4)`,
    ];
    const params: unknown[] = [roles.includes(Role.ConsortiumAdmin), context.tenantId ?? null, roles.includes(Role.TenantAdmin), args.status ?? null];
    const [{ total }] = await this.transactions.query<{ total: number }>(
      `select count(*)::int as total from hearth.unconference u where ${conditions.join(' and ')}`,
      params,
    );
    if (args.after) {
      const [createdAt, id] = decodeTimeCursor(args.after);
      params.push(createdAt, id);
      conditions.push(`(u.created_at, u.id) < ($5::timestamptz, $6::uuid)`);
    }
    const rows = await this.reader.list(`where ${conditions.join(' and ')}`, params, first + 1);
    return toConnection(rows, args, total, (row) => [row.cursorKey, row.id]) as UnconferenceConnection;
  }

  async find(id: string): Promise<Unconference | null> {
    const event = await this.reader.event(id);
    return event && this.visible(event) ? event : null;
  }

  async create(input: CreateUnconferenceInput): Promise<Unconference | UnconferenceNotOrganiser> {
    const context = hearthContext.require();
    const roles = context.actor?.roles ?? [];
    // A member's tenant admin organises for the member; a consortium admin, for the consortium.
    const mode: OrganiserMode | null =
      context.tenantId && roles.includes(Role.TenantAdmin) ? 'member' : roles.includes(Role.ConsortiumAdmin) ? 'consortium' : null;
    if (!mode) return UnconferenceNotOrganiser.of(input.title);
    const [{ id }] = await this.work.asOrganiser(mode, () =>
      this.transactions.query<{ id: string }>(
        `insert into hearth.unconference (organisation_id, title, description, venue, votes_per_participant, created_by)
         values ($1, $2, $3, $4, $5, $6) returning id`,
        [mode === 'member' ? context.tenantId : null, input.title, input.description?.trim() ?? '', input.venue ?? null, input.votesPerParticipant ?? 5, actorLabel(context.actor)],
      ),
    );
    const event = (await this.reader.event(id))!;
    await this.work.record(
      { operation: 'createUnconference', targetType: 'unconference', targetId: id, after: event },
      { type: UnconferencesEvent.Created, aggregateType: 'unconference', aggregateId: id, payload: { id, title: event.title, organiserKind: event.organiserKind } },
    );
    return event;
  }

  async update(input: UpdateUnconferenceInput): Promise<Unconference | UnconferenceFailure> {
    return this.organise(input.id, 'updateUnconference', async (before) => {
      if (input.votesPerParticipant !== undefined && input.votesPerParticipant !== before.votesPerParticipant && !['draft', 'proposals_open'].includes(before.status)) {
        return UnconferenceWrongStatus.of(before.status, 'Votes per participant can only change before voting opens');
      }
      await this.transactions.query(
        `update hearth.unconference
            set title = coalesce($2, title), description = coalesce($3, description),
                venue = case when $4::boolean then $5 else venue end,
                votes_per_participant = coalesce($6, votes_per_participant), updated_at = now()
          where id = $1`,
        [input.id, input.title ?? null, input.description?.trim() ?? null, input.venue !== undefined, input.venue ?? null, input.votesPerParticipant ?? null],
      );
      return UnconferencesEvent.Changed;
    });
  }

  async addRoom(input: UnconferenceRoomInput): Promise<Unconference | UnconferenceFailure> {
    return this.organise(input.unconferenceId, 'addUnconferenceRoom', async (event) => {
      if (!SETTING_UP.includes(event.status)) return this.settledFailure(event);
      return this.work.attempt(
        async () => {
          await this.transactions.query(`insert into hearth.unconference_room (unconference_id, name, capacity) values ($1, $2, $3)`, [event.id, input.name, input.capacity]);
          return UnconferencesEvent.Changed;
        },
        [PG_UNIQUE_VIOLATION],
        () => UnconferenceInvalid.of('name', `There is already a room called ${input.name}`),
      );
    });
  }

  async removeRoom(unconferenceId: string, roomId: string): Promise<Unconference | UnconferenceFailure> {
    return this.organise(unconferenceId, 'removeUnconferenceRoom', async (event) => {
      if (!SETTING_UP.includes(event.status)) return this.settledFailure(event);
      const removed = await this.transactions.query(`delete from hearth.unconference_room where id = $1 and unconference_id = $2 returning id`, [roomId, event.id]);
      return removed.length ? UnconferencesEvent.Changed : UnconferenceInvalid.of('roomId', 'That room is not one of this unconference’s');
    });
  }

  async addSlot(input: UnconferenceSlotInput): Promise<Unconference | UnconferenceFailure> {
    return this.organise(input.unconferenceId, 'addUnconferenceSlot', async (event) => {
      if (!SETTING_UP.includes(event.status)) return this.settledFailure(event);
      if (input.endsAt <= input.startsAt) return UnconferenceInvalid.of('endsAt', 'A slot must end after it starts');
      if (input.endsAt.getTime() - input.startsAt.getTime() > 12 * 3_600_000) return UnconferenceInvalid.of('endsAt', 'A slot is at most 12 hours long');
      return this.work.attempt(
        async () => {
          await this.transactions.query(`insert into hearth.unconference_slot (unconference_id, starts_at, ends_at) values ($1, $2, $3)`, [event.id, input.startsAt, input.endsAt]);
          return UnconferencesEvent.Changed;
        },
        [PG_EXCLUSION_VIOLATION],
        () => UnconferenceInvalid.of('startsAt', 'That slot overlaps another slot of this unconference'),
      );
    });
  }

  async removeSlot(unconferenceId: string, slotId: string): Promise<Unconference | UnconferenceFailure> {
    return this.organise(unconferenceId, 'removeUnconferenceSlot', async (event) => {
      if (!SETTING_UP.includes(event.status)) return this.settledFailure(event);
      const removed = await this.transactions.query(`delete from hearth.unconference_slot where id = $1 and unconference_id = $2 returning id`, [slotId, event.id]);
      return removed.length ? UnconferencesEvent.Changed : UnconferenceInvalid.of('slotId', 'That slot is not one of this unconference’s');
    });
  }

  /** Moves the event on one stage: proposals open, voting open, published, finished. */
  async advance(id: string, step: UnconferenceStep): Promise<Unconference | UnconferenceFailure> {
    const { from, to, operation } = STEPS[step];
    return this.organise(id, operation, async (event) => {
      if (!(from as readonly UnconferenceStatusValue[]).includes(event.status)) {
        return UnconferenceWrongStatus.of(event.status, `“${event.title}” is ${STAGE_WORDS[event.status]}, so it cannot be ${STAGE_WORDS[to]} yet`);
      }
      await this.transactions.query(
        `update hearth.unconference set status = $2, updated_at = now(), published_at = case when $2 = 'published' then now() else published_at end where id = $1`,
        [id, to],
      );
      return UnconferencesEvent.StatusChanged;
    });
  }

  /**
   * Runs the scheduler over the live proposals (keeping the organiser's pinned sessions) and
   * replaces the timetable with its answer. From voting open, or again while the timetable is a
   * draft; the event is then SCHEDULED until published.
   */
  async schedule(id: string): Promise<Unconference | UnconferenceFailure> {
    return this.organise(id, 'scheduleUnconference', async (event) => {
      if (!['voting_open', 'scheduled'].includes(event.status)) {
        return UnconferenceWrongStatus.of(event.status, 'The timetable is drafted once voting is open, and redrafted until it is published');
      }
      const rooms = await this.transactions.query<{ id: string; capacity: number }>(`select id, capacity from hearth.unconference_room where unconference_id = $1`, [id]);
      const slots = await this.transactions.query<{ id: string; starts_at: Date }>(`select id, starts_at from hearth.unconference_slot where unconference_id = $1`, [id]);
      if (!rooms.length) return UnconferenceInvalid.of('rooms', 'Add at least one room before drafting the timetable');
      if (!slots.length) return UnconferenceInvalid.of('slots', 'Add at least one slot before drafting the timetable');
      const sessions = await this.liveSessions(id);
      const result = scheduleUnconference({
        rooms,
        slots: slots.map((slot) => ({ id: slot.id, startsAt: slot.starts_at })),
        sessions: sessions.map((s) => ({ id: s.id, votes: s.vote_count, people: s.people, pinned: s.pinned_room ? { roomId: s.pinned_room, slotId: s.pinned_slot! } : null })),
      });
      await this.transactions.query(`delete from hearth.scheduled_session where unconference_id = $1`, [id]);
      const { assignments } = result;
      await this.transactions.query(
        `insert into hearth.scheduled_session (unconference_id, proposal_id, room_id, slot_id, pinned)
         select $1, * from unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::boolean[])`,
        [id, assignments.map((a) => a.sessionId), assignments.map((a) => a.roomId), assignments.map((a) => a.slotId), assignments.map((a) => a.pinned)],
      );
      await this.transactions.query(
        `update hearth.unconference set status = 'scheduled', unscheduled = $2, scheduled_at = now(), updated_at = now() where id = $1`,
        [id, JSON.stringify(result.unscheduled.map((u) => ({ proposalId: u.sessionId, reason: u.reason })))],
      );
      return UnconferencesEvent.Scheduled;
    });
  }

  /**
   * Puts a session in a room and slot; a session already there swaps places with it. Both are
   * pinned (a new scheduler run keeps them), and the move is refused if it would put anyone in
   * two sessions at once.
   */
  async move(input: UnconferenceSessionMoveInput): Promise<Unconference | UnconferenceTimetableFailure> {
    return this.organise(input.unconferenceId, 'moveUnconferenceSession', async (event) => {
      if (!['scheduled', 'published'].includes(event.status)) {
        return UnconferenceWrongStatus.of(event.status, 'Sessions are moved once the timetable is drafted, and until the event is finished');
      }
      const [room] = await this.transactions.query(`select id from hearth.unconference_room where id = $1 and unconference_id = $2`, [input.roomId, event.id]);
      if (!room) return UnconferenceInvalid.of('roomId', 'That room is not one of this unconference’s');
      const [slot] = await this.transactions.query(`select id from hearth.unconference_slot where id = $1 and unconference_id = $2`, [input.slotId, event.id]);
      if (!slot) return UnconferenceInvalid.of('slotId', 'That slot is not one of this unconference’s');
      const sessions = await this.liveSessions(event.id);
      const moving = sessions.find((s) => s.id === input.proposalId);
      if (!moving) return UnconferenceInvalid.of('proposalId', 'That proposal is not a live proposal of this unconference');
      const occupant = sessions.find((s) => s.room_id === input.roomId && s.slot_id === input.slotId);
      if (occupant?.id === moving.id) return UnconferencesEvent.SessionMoved;
      if (occupant && !moving.slot_id) return UnconferenceInvalid.of('roomId', `“${occupant.title}” is there; move it first, or move this session into a free place`);

      const placed = new Map(sessions.filter((s) => s.slot_id).map((s) => [s.id, { room: s.room_id!, slot: s.slot_id! }]));
      const from = placed.get(moving.id);
      placed.set(moving.id, { room: input.roomId, slot: input.slotId });
      if (occupant && from) placed.set(occupant.id, from);
      const clash = clashesIn([...placed.entries()].map(([id, place]) => ({ id, slotId: place.slot, people: sessions.find((s) => s.id === id)!.people })))[0];
      if (clash) {
        const other = clash.sessionIds.find((id) => id !== moving.id && id !== occupant?.id) ?? clash.sessionIds.find((id) => id !== moving.id)!;
        const [person] = await this.transactions.query<{ display_name: string }>(`select display_name from hearth.unconference_participant where id = $1`, [clash.person]);
        return UnconferenceSessionHostClash.of(person?.display_name ?? 'Someone', sessions.find((s) => s.id === other)!.title);
      }
      const changed = [moving.id, ...(occupant ? [occupant.id] : [])];
      return this.work.attempt(
        async () => {
          await this.transactions.query(`delete from hearth.scheduled_session where proposal_id = any($1)`, [changed]);
          await this.transactions.query(
            `insert into hearth.scheduled_session (unconference_id, proposal_id, room_id, slot_id, pinned)
             select $1, p, r, s, true from unnest($2::uuid[], $3::uuid[], $4::uuid[]) as t(p, r, s)`,
            [event.id, changed, changed.map((id) => placed.get(id)!.room), changed.map((id) => placed.get(id)!.slot)],
          );
          // A proposal placed by hand is no longer one the scheduler left out.
          await this.transactions.query(
            `update hearth.unconference set updated_at = now(),
                    unscheduled = coalesce((select jsonb_agg(r) from jsonb_array_elements(unscheduled) r where r ->> 'proposalId' <> $2), '[]'::jsonb)
              where id = $1`,
            [event.id, moving.id],
          );
          return UnconferencesEvent.SessionMoved;
        },
        // Two organisers moving at once may each pass the check above; PostgreSQL's own check refuses the second.
        [PG_EXCLUSION_VIOLATION, PG_UNIQUE_VIOLATION],
        () => UnconferenceSessionHostClash.of('Someone', 'another session (the timetable changed meanwhile; reload it)'),
      );
    });
  }

  /** Whether the signed-in person may see the event: everyone, unless it is a draft they do not organise. */
  visible(event: Unconference): boolean {
    return event.status !== 'draft' || this.work.organiserMode(event) !== null;
  }

  /** The live (not withdrawn) proposals with their people and their place in the timetable, if any. */
  private liveSessions(eventId: string) {
    return this.transactions.query<{
      id: string; title: string; vote_count: number; people: string[]; room_id: string | null; slot_id: string | null; pinned_room: string | null; pinned_slot: string | null;
    }>(
      `select p.id, p.title, p.vote_count,
              array[p.host_participant_id] || array(select c.participant_id from hearth.proposal_cohost c where c.proposal_id = p.id) as people,
              s.room_id, s.slot_id,
              case when s.pinned then s.room_id end as pinned_room, case when s.pinned then s.slot_id end as pinned_slot
         from hearth.session_proposal p left join hearth.scheduled_session s on s.proposal_id = p.id
        where p.unconference_id = $1 and p.status = 'proposed'`,
      [eventId],
    );
  }

  /**
   * An organiser's change: finds the event, checks who may organise it, locks it (so two
   * organisers' changes go one after the other), runs `change` as the organiser, then audits and
   * announces it. `change` answers the event's name for what happened, or a typed failure.
   */
  private async organise<F extends UnconferenceTimetableFailure>(
    id: string,
    operation: string,
    change: (event: Unconference) => Promise<string | F>,
  ): Promise<Unconference | F | UnconferenceNotFound | UnconferenceNotOrganiser> {
    const found = await this.find(id);
    if (!found) return UnconferenceNotFound.of(id);
    const mode = this.work.organiserMode(found);
    if (!mode) return UnconferenceNotOrganiser.of(found.title);
    const outcome = await this.work.asOrganiser(mode, async () => {
      const before = await this.reader.event(id, true);
      if (!before) throw new HearthError('NOT_FOUND', `Unconference ${id} disappeared while it was being changed`);
      const done = await change(before);
      return typeof done === 'string' ? { type: done, before } : done;
    });
    if (!('type' in outcome)) return outcome;
    this.reader.forget();
    const after = (await this.reader.event(id))!;
    await this.work.record(
      { operation, targetType: 'unconference', targetId: id, before: outcome.before, after },
      { type: outcome.type, aggregateType: 'unconference', aggregateId: id, payload: { id, status: after.status, operation } },
    );
    return after;
  }

  private settledFailure(event: Unconference): UnconferenceWrongStatus {
    return UnconferenceWrongStatus.of(event.status, 'Rooms and slots change only until the timetable is drafted');
  }
}
