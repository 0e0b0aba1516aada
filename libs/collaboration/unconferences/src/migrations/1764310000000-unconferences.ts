import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Unconferences: events with rooms and time slots, session proposals with co-hosts, votes, a
 * timetable and session notes. They belong to the consortium, not to one member, so these tables
 * are not tenant-owned: rows carry the `organisation_id` of the member or guest organisation that
 * wrote them, and each table's policies say who sees and writes what (docs/collaboration/unconferences.md).
 *
 * - Everything is readable by every organisation (`using (true)`) except individual votes, which
 *   only the voter's own organisation sees; others see each proposal's count, kept in
 *   `session_proposal.vote_count` by a trigger (below).
 * - People write only in their own organisation's name: `organisation_id = hearth.current_organisation_id()`.
 * - The event's set-up (the event, its rooms, slots and timetable) is written by its organiser:
 *   the organising member (`unconference.organisation_id`) or the consortium, in consortium mode.
 */
export class Unconferences1764310000000 implements MigrationInterface {
  name = 'Unconferences1764310000000';

  async up(q: QueryRunner): Promise<void> {
    // Who organises an event: its organising member, bound as the member (never a guest: the
    // column references the member registry), or consortium staff in consortium mode.
    await q.query(`
      create function hearth.unconference_organiser(organiser uuid) returns boolean
      language sql stable parallel safe as $$
        select hearth.consortium_mode()
            or (organiser is not null and organiser = nullif(current_setting('app.tenant_id', true), '')::uuid)
      $$`);

    await q.query(`
      create table hearth.unconference (
        id uuid primary key default gen_random_uuid(),
        organisation_id uuid references hearth.tenant (id),
        title text not null check (length(trim(title)) between 1 and 200),
        description text not null default '' check (length(description) <= 10000),
        venue text check (venue is null or length(trim(venue)) between 1 and 300),
        votes_per_participant integer not null default 5 check (votes_per_participant between 1 and 50),
        status text not null default 'draft'
          check (status in ('draft', 'proposals_open', 'voting_open', 'scheduled', 'published', 'finished')),
        unscheduled jsonb not null default '[]'::jsonb,
        created_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        scheduled_at timestamptz,
        published_at timestamptz
      )`);
    // The events list: newest first, paged by (created_at, id).
    await q.query(`create index unconference_newest on hearth.unconference (created_at desc, id desc)`);
    await shared(q, 'unconference');
    await q.query(`
      create policy organiser_insert on hearth.unconference for insert
        with check (hearth.unconference_organiser(organisation_id))`);
    await q.query(`
      create policy organiser_update on hearth.unconference for update
        using (hearth.unconference_organiser(organisation_id)) with check (hearth.unconference_organiser(organisation_id))`);

    // Whether the bound organisation (or consortium mode) organises the event: the write rule of
    // the organiser's tables below. Reads the event under its own (open) read policy.
    await q.query(`
      create function hearth.unconference_organised_here(event uuid) returns boolean
      language sql stable parallel safe as $$
        select exists (select 1 from hearth.unconference u where u.id = event and hearth.unconference_organiser(u.organisation_id))
      $$`);

    await q.query(`
      create table hearth.unconference_room (
        id uuid primary key default gen_random_uuid(),
        unconference_id uuid not null references hearth.unconference (id),
        name text not null check (length(trim(name)) between 1 and 100),
        capacity integer not null check (capacity between 1 and 10000),
        created_at timestamptz not null default now(),
        unique (unconference_id, id)
      )`);
    await q.query(`create unique index unconference_room_name on hearth.unconference_room (unconference_id, lower(name))`);
    await shared(q, 'unconference_room');
    await organiserWrites(q, 'unconference_room');

    await q.query(`
      create table hearth.unconference_slot (
        id uuid primary key default gen_random_uuid(),
        unconference_id uuid not null references hearth.unconference (id),
        starts_at timestamptz not null,
        ends_at timestamptz not null,
        created_at timestamptz not null default now(),
        unique (unconference_id, id),
        check (ends_at > starts_at and ends_at - starts_at <= interval '12 hours'),
        -- Slots of one event never overlap, so "the same slot" is the same time.
        constraint unconference_slot_no_overlap
          exclude using gist (unconference_id with =, tstzrange(starts_at, ends_at) with &&)
      )`);
    await shared(q, 'unconference_slot');
    await organiserWrites(q, 'unconference_slot');

    await q.query(`
      create table hearth.unconference_participant (
        id uuid primary key default gen_random_uuid(),
        unconference_id uuid not null references hearth.unconference (id),
        organisation_id uuid not null,
        subject text not null,
        display_name text not null check (length(trim(display_name)) between 1 and 200),
        joined_at timestamptz not null default now(),
        unique (unconference_id, subject),
        unique (unconference_id, id)
      )`);
    await shared(q, 'unconference_participant');
    await ownWrites(q, 'unconference_participant', ['insert', 'update']);

    await q.query(`
      create table hearth.session_proposal (
        id uuid primary key default gen_random_uuid(),
        unconference_id uuid not null references hearth.unconference (id),
        host_participant_id uuid not null,
        organisation_id uuid not null,
        title text not null check (length(trim(title)) between 1 and 200),
        abstract text not null default '' check (length(abstract) <= 5000),
        status text not null default 'proposed' check (status in ('proposed', 'withdrawn')),
        vote_count integer not null default 0 check (vote_count >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        unique (unconference_id, id),
        foreign key (unconference_id, host_participant_id) references hearth.unconference_participant (unconference_id, id)
      )`);
    await q.query(`create index session_proposal_by_event on hearth.session_proposal (unconference_id, created_at)`);
    await shared(q, 'session_proposal');
    // A proposal is written by its host's organisation, and its host is one of that organisation's people.
    await q.query(`
      create policy own_insert on hearth.session_proposal for insert
        with check (organisation_id = (select hearth.current_organisation_id())
                    and exists (select 1 from hearth.unconference_participant p
                                where p.id = host_participant_id and p.organisation_id = session_proposal.organisation_id))`);
    await q.query(`
      create policy own_update on hearth.session_proposal for update
        using (organisation_id = (select hearth.current_organisation_id()))
        with check (organisation_id = (select hearth.current_organisation_id()))`);
    // The vote count is the vote trigger's alone: the app role may not write it (column grants),
    // and the trigger, which runs as the owner, may update any proposal's count.
    await q.query(`revoke update on hearth.session_proposal from hearth_app`);
    await q.query(`grant update (title, abstract, status, updated_at) on hearth.session_proposal to hearth_app`);
    await q.query(`create policy vote_tally on hearth.session_proposal for update to hearth_owner using (true) with check (true)`);

    await q.query(`
      create table hearth.proposal_cohost (
        unconference_id uuid not null,
        proposal_id uuid not null,
        participant_id uuid not null,
        added_at timestamptz not null default now(),
        primary key (proposal_id, participant_id),
        foreign key (unconference_id, proposal_id) references hearth.session_proposal (unconference_id, id),
        foreign key (unconference_id, participant_id) references hearth.unconference_participant (unconference_id, id)
      )`);
    await q.query(`create index proposal_cohost_by_event on hearth.proposal_cohost (unconference_id)`);
    await shared(q, 'proposal_cohost');
    // Co-hosts are named by the proposal's host's organisation.
    for (const command of ['insert', 'delete'] as const) {
      const clause = command === 'insert' ? 'with check' : 'using';
      await q.query(`
        create policy own_${command} on hearth.proposal_cohost for ${command}
          ${clause} (exists (select 1 from hearth.session_proposal p
                             where p.id = proposal_id and p.organisation_id = (select hearth.current_organisation_id())))`);
    }

    await q.query(`
      create table hearth.proposal_vote (
        unconference_id uuid not null,
        proposal_id uuid not null,
        participant_id uuid not null,
        organisation_id uuid not null,
        cast_at timestamptz not null default now(),
        primary key (proposal_id, participant_id),
        foreign key (unconference_id, proposal_id) references hearth.session_proposal (unconference_id, id),
        foreign key (unconference_id, participant_id) references hearth.unconference_participant (unconference_id, id)
      )`);
    await q.query(`create index proposal_vote_by_participant on hearth.proposal_vote (participant_id)`);
    await q.query(`alter table hearth.proposal_vote enable row level security`);
    await q.query(`alter table hearth.proposal_vote force row level security`);
    // Who voted for what is the voter's organisation's business only; everyone sees the counts.
    await q.query(`
      create policy own_read on hearth.proposal_vote for select
        using (organisation_id = (select hearth.current_organisation_id()))`);
    await q.query(`
      create policy own_insert on hearth.proposal_vote for insert
        with check (organisation_id = (select hearth.current_organisation_id())
                    and exists (select 1 from hearth.unconference_participant p
                                where p.id = participant_id and p.organisation_id = proposal_vote.organisation_id))`);
    await q.query(`
      create policy own_delete on hearth.proposal_vote for delete
        using (organisation_id = (select hearth.current_organisation_id()))`);

    // Casting a vote: only while voting is open, only for a live proposal of the same event, and
    // never past the event's votes per participant. The participant's row is locked first, so two
    // votes cast at once by one person are counted one after the other and the limit holds under
    // concurrency. The count is kept on the proposal, where everyone may read it. SECURITY
    // DEFINER (the tables' owner) because the voter may not update another organisation's proposal;
    // the function does this one fixed thing.
    await q.query(`
      create function hearth.unconference_vote_cast() returns trigger
      language plpgsql security definer set search_path = pg_catalog, hearth as $$
      declare
        event_status text;
        allowed integer;
        proposal_status text;
        cast_already integer;
      begin
        perform 1 from hearth.unconference_participant where id = new.participant_id for update;
        select u.status, u.votes_per_participant into event_status, allowed
          from hearth.unconference u where u.id = new.unconference_id;
        if event_status is distinct from 'voting_open' then
          raise exception 'voting is not open for this unconference' using errcode = 'check_violation';
        end if;
        select p.status into proposal_status from hearth.session_proposal p
          where p.id = new.proposal_id and p.unconference_id = new.unconference_id;
        if proposal_status is distinct from 'proposed' then
          raise exception 'votes are only for proposed sessions' using errcode = 'check_violation';
        end if;
        -- Votes on proposals since withdrawn are given back.
        select count(*) into cast_already
          from hearth.proposal_vote v join hearth.session_proposal p on p.id = v.proposal_id
         where v.participant_id = new.participant_id and p.status = 'proposed';
        if cast_already >= allowed then
          raise exception 'unconference vote limit reached (% votes per participant)', allowed
            using errcode = 'check_violation', constraint = 'proposal_vote_limit';
        end if;
        update hearth.session_proposal set vote_count = vote_count + 1 where id = new.proposal_id;
        return new;
      end $$`);
    await q.query(`
      create function hearth.unconference_vote_withdrawn() returns trigger
      language plpgsql security definer set search_path = pg_catalog, hearth as $$
      begin
        update hearth.session_proposal set vote_count = vote_count - 1 where id = old.proposal_id;
        return old;
      end $$`);
    await q.query(`revoke execute on function hearth.unconference_vote_cast(), hearth.unconference_vote_withdrawn() from public`);
    await q.query(`
      create trigger proposal_vote_cast before insert on hearth.proposal_vote
        for each row execute function hearth.unconference_vote_cast()`);
    await q.query(`
      create trigger proposal_vote_withdrawn after delete on hearth.proposal_vote
        for each row execute function hearth.unconference_vote_withdrawn()`);

    await q.query(`
      create table hearth.scheduled_session (
        id uuid primary key default gen_random_uuid(),
        unconference_id uuid not null,
        proposal_id uuid not null unique,
        room_id uuid not null,
        slot_id uuid not null,
        pinned boolean not null default false,
        created_at timestamptz not null default now(),
        unique (room_id, slot_id),
        foreign key (unconference_id, proposal_id) references hearth.session_proposal (unconference_id, id),
        foreign key (unconference_id, room_id) references hearth.unconference_room (unconference_id, id),
        foreign key (unconference_id, slot_id) references hearth.unconference_slot (unconference_id, id)
      )`);
    await q.query(`create index scheduled_session_by_event on hearth.scheduled_session (unconference_id, slot_id)`);
    await shared(q, 'scheduled_session');
    await organiserWrites(q, 'scheduled_session');
    // The scheduler and the organiser's moves never put a person in two sessions at once; this
    // is the database's own check of that promise, whatever code wrote the rows.
    await q.query(`
      create function hearth.scheduled_session_no_host_clash() returns trigger
      language plpgsql as $$
      declare
        clash record;
      begin
        with people as (
          select s.id as session_id, p.host_participant_id as participant_id
            from hearth.scheduled_session s join hearth.session_proposal p on p.id = s.proposal_id
           where s.slot_id = new.slot_id
          union
          select s.id, c.participant_id
            from hearth.scheduled_session s join hearth.proposal_cohost c on c.proposal_id = s.proposal_id
           where s.slot_id = new.slot_id
        )
        select participant_id into clash from people group by participant_id having count(*) > 1 limit 1;
        if found then
          raise exception 'participant % would be in two sessions in one slot', clash.participant_id
            using errcode = 'exclusion_violation', constraint = 'scheduled_session_no_host_clash';
        end if;
        return null;
      end $$`);
    await q.query(`
      create constraint trigger scheduled_session_no_host_clash after insert or update on hearth.scheduled_session
        deferrable initially immediate
        for each row execute function hearth.scheduled_session_no_host_clash()`);

    await q.query(`
      create table hearth.session_note (
        id uuid primary key default gen_random_uuid(),
        unconference_id uuid not null,
        proposal_id uuid not null,
        author_participant_id uuid not null,
        organisation_id uuid not null,
        body text not null check (length(trim(body)) between 1 and 20000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        foreign key (unconference_id, proposal_id) references hearth.session_proposal (unconference_id, id),
        foreign key (unconference_id, author_participant_id) references hearth.unconference_participant (unconference_id, id)
      )`);
    await q.query(`create index session_note_by_proposal on hearth.session_note (proposal_id, created_at)`);
    await shared(q, 'session_note');
    // Notes are written by participants in their own organisation's name, once the session has begun.
    await q.query(`
      create policy own_insert on hearth.session_note for insert
        with check (organisation_id = (select hearth.current_organisation_id())
                    and exists (select 1 from hearth.unconference_participant p
                                where p.id = author_participant_id and p.organisation_id = session_note.organisation_id)
                    and exists (select 1 from hearth.scheduled_session s join hearth.unconference_slot sl on sl.id = s.slot_id
                                where s.proposal_id = session_note.proposal_id and sl.starts_at <= now()))`);
    await q.query(`
      create policy own_update on hearth.session_note for update
        using (organisation_id = (select hearth.current_organisation_id()))
        with check (organisation_id = (select hearth.current_organisation_id()))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['session_note', 'scheduled_session', 'proposal_vote', 'proposal_cohost', 'session_proposal', 'unconference_participant', 'unconference_slot', 'unconference_room', 'unconference']) {
      await q.query(`drop table hearth.${table}`);
    }
    await q.query(`drop function hearth.scheduled_session_no_host_clash()`);
    await q.query(`drop function hearth.unconference_vote_cast()`);
    await q.query(`drop function hearth.unconference_vote_withdrawn()`);
    await q.query(`drop function hearth.unconference_organised_here(uuid)`);
    await q.query(`drop function hearth.unconference_organiser(uuid)`);
  }
}

/** RLS on and forced, and every row readable by everyone: what the consortium shares by rule. */
async function shared(q: QueryRunner, table: string): Promise<void> {
  await q.query(`alter table hearth.${table} enable row level security`);
  await q.query(`alter table hearth.${table} force row level security`);
  await q.query(`create policy shared_read on hearth.${table} for select using (true)`);
}

/** Written (added, changed, removed) only by the event's organiser. */
async function organiserWrites(q: QueryRunner, table: string): Promise<void> {
  await q.query(`create policy organiser_insert on hearth.${table} for insert with check (hearth.unconference_organised_here(unconference_id))`);
  await q.query(`
    create policy organiser_update on hearth.${table} for update
      using (hearth.unconference_organised_here(unconference_id)) with check (hearth.unconference_organised_here(unconference_id))`);
  await q.query(`create policy organiser_delete on hearth.${table} for delete using (hearth.unconference_organised_here(unconference_id))`);
}

/** Written only in the writer's own organisation's name. */
async function ownWrites(q: QueryRunner, table: string, commands: readonly ('insert' | 'update' | 'delete')[]): Promise<void> {
  const own = `organisation_id = (select hearth.current_organisation_id())`;
  for (const command of commands) {
    if (command === 'insert') await q.query(`create policy own_insert on hearth.${table} for insert with check (${own})`);
    if (command === 'update') await q.query(`create policy own_update on hearth.${table} for update using (${own}) with check (${own})`);
    if (command === 'delete') await q.query(`create policy own_delete on hearth.${table} for delete using (${own})`);
  }
}
