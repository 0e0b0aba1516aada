import { Client } from 'pg';
import {
  createTestDatabase, insertGuestOrganisation, insertMember, serveModulesForTest, TestTokens,
  type TestApi, type TestDatabase, type TestMember,
} from '@hearth/platform-testing';
import { CalendarModule } from '@hearth/platform-calendar';
import { UnconferencesModule } from './unconferences.module';

/**
 * Who sees and writes what in the unconference tables, proven as `hearth_app` in SQL (member A
 * organises; member B, a guest council and nobody bound look on) and then through GraphQL.
 */
const tokens = new TestTokens();
let db: TestDatabase;
let app: Client;
let a: TestMember;
let b: TestMember;
let guest: TestMember;
const ids: Record<string, string> = {};

type Binding = { tenant?: string; guest?: string; consortium?: boolean } | null;
const A = (): Binding => ({ tenant: a.id });
const B = (): Binding => ({ tenant: b.id });
const G = (): Binding => ({ guest: guest.id });
const NOBODY: Binding = null;

/** Runs `fn` as hearth_app in a transaction bound as `who` says, then rolls back. */
async function as<T>(who: Binding, fn: (client: Client) => Promise<T>, client = app): Promise<T> {
  await client.query('begin');
  try {
    if (who?.tenant) await client.query(`select set_config('app.tenant_id', $1, true)`, [who.tenant]);
    if (who?.guest) await client.query(`select set_config('app.guest_organisation_id', $1, true)`, [who.guest]);
    if (who?.consortium) await client.query(`select set_config('app.consortium', 'on', true)`);
    return await fn(client);
  } finally {
    await client.query('rollback');
  }
}

const count = (who: Binding, table: string) => as(who, async (c) => (await c.query(`select count(*)::int as n from hearth.${table}`)).rows[0].n as number);

async function appClient(): Promise<Client> {
  const client = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user: 'hearth_app' });
  await client.connect();
  return client;
}

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  a = await insertMember(db.admin, 'member-a');
  b = await insertMember(db.admin, 'member-b');
  guest = await insertGuestOrganisation(db.admin, 'guest-council');
  app = await appClient();
  // Arranged as the superuser (no policies apply to it): A's event with a person from each organisation.
  const one = async (sql: string, params: unknown[] = []) => (await db.admin.query(sql, params)).rows[0]?.id as string;
  ids.event = await one(`insert into hearth.unconference (organisation_id, title, status, votes_per_participant, created_by) values ($1, 'Housing Camp', 'voting_open', 2, 'probe') returning id`, [a.id]);
  ids.room = await one(`insert into hearth.unconference_room (unconference_id, name, capacity) values ($1, 'Hall', 80) returning id`, [ids.event]);
  ids.slot = await one(`insert into hearth.unconference_slot (unconference_id, starts_at, ends_at) values ($1, now() - interval '2 hours', now() - interval '1 hour') returning id`, [ids.event]);
  ids.laterSlot = await one(`insert into hearth.unconference_slot (unconference_id, starts_at, ends_at) values ($1, now() + interval '1 day', now() + interval '1 day 1 hour') returning id`, [ids.event]);
  for (const [key, org] of [['personA', a.id], ['personB', b.id], ['personG', guest.id]] as const) {
    ids[key] = await one(`insert into hearth.unconference_participant (unconference_id, organisation_id, subject, display_name) values ($1, $2, $3, $3) returning id`, [ids.event, org, key]);
  }
  ids.proposalA = await one(`insert into hearth.session_proposal (unconference_id, host_participant_id, organisation_id, title) values ($1, $2, $3, 'Damp and mould') returning id`, [ids.event, ids.personA, a.id]);
  ids.proposalB = await one(`insert into hearth.session_proposal (unconference_id, host_participant_id, organisation_id, title) values ($1, $2, $3, 'Welsh contracts') returning id`, [ids.event, ids.personB, b.id]);
  await db.admin.query(`insert into hearth.proposal_cohost (unconference_id, proposal_id, participant_id) values ($1, $2, $3)`, [ids.event, ids.proposalA, ids.personG]);
  await db.admin.query(`insert into hearth.proposal_vote (unconference_id, proposal_id, participant_id, organisation_id) values ($1, $2, $3, $4)`, [ids.event, ids.proposalA, ids.personB, b.id]);
  await db.admin.query(`insert into hearth.proposal_vote (unconference_id, proposal_id, participant_id, organisation_id) values ($1, $2, $3, $4)`, [ids.event, ids.proposalB, ids.personG, guest.id]);
  await db.admin.query(`update hearth.unconference set status = 'published' where id = $1`, [ids.event]);
  ids.session = await one(`insert into hearth.scheduled_session (unconference_id, proposal_id, room_id, slot_id) values ($1, $2, $3, $4) returning id`, [ids.event, ids.proposalA, ids.room, ids.slot]);
  ids.note = await one(`insert into hearth.session_note (unconference_id, proposal_id, author_participant_id, organisation_id, body) values ($1, $2, $3, $4, 'We agreed a checklist.') returning id`, [ids.event, ids.proposalA, ids.personB, b.id]);
});

afterAll(async () => {
  await app?.end();
  await db?.drop();
});

const SHARED = ['unconference', 'unconference_room', 'unconference_slot', 'unconference_participant', 'session_proposal', 'proposal_cohost', 'scheduled_session', 'session_note'];

describe('reading (SQL as hearth_app)', () => {
  it.each(SHARED)('shows every row of %s to both members, the guest and nobody bound alike', async (table) => {
    const seen: number[] = [];
    for (const who of [A(), B(), G(), NOBODY]) seen.push(await count(who, table));
    const { rows } = await db.admin.query(`select count(*)::int as n from hearth.${table}`);
    expect(rows[0].n).toBeGreaterThan(0);
    expect(seen).toEqual([rows[0].n, rows[0].n, rows[0].n, rows[0].n]);
  });

  it("shows each organisation only its own people's votes, and nobody bound none, while everyone sees the counts", async () => {
    const votes = (who: Binding) => as(who, async (c) => (await c.query(`select organisation_id from hearth.proposal_vote`)).rows.map((r) => r.organisation_id));
    expect(await votes(A())).toEqual([]);
    expect(await votes(B())).toEqual([b.id]);
    expect(await votes(G())).toEqual([guest.id]);
    expect(await votes(NOBODY)).toEqual([]);
    const counts = await as(A(), async (c) => (await c.query(`select title, vote_count from hearth.session_proposal order by title`)).rows);
    expect(counts).toEqual([{ title: 'Damp and mould', vote_count: 1 }, { title: 'Welsh contracts', vote_count: 1 }]);
  });
});

describe("the organiser's tables (SQL as hearth_app)", () => {
  const rename = (c: Client) => c.query(`update hearth.unconference set title = 'Taken over' where id = $1`, [ids.event]);
  const addRoom = (c: Client) => c.query(`insert into hearth.unconference_room (unconference_id, name, capacity) values ($1, 'Annexe', 10)`, [ids.event]);

  it('lets the organising member change the event and add rooms', async () => {
    expect((await as(A(), rename)).rowCount).toBe(1);
    await expect(as(A(), addRoom)).resolves.toMatchObject({ rowCount: 1 });
  });

  it('lets consortium staff change it in consortium mode', async () => {
    expect((await as({ consortium: true }, rename)).rowCount).toBe(1);
    await expect(as({ consortium: true }, addRoom)).resolves.toMatchObject({ rowCount: 1 });
  });

  it.each([['member B', B], ['the guest', G], ['nobody bound', (): Binding => NOBODY]] as const)('refuses %s: changes touch nothing, additions are refused', async (_who, who) => {
    expect((await as(who(), rename)).rowCount).toBe(0);
    await expect(as(who(), addRoom)).rejects.toThrow(/row-level security/);
    expect((await as(who(), (c) => c.query(`delete from hearth.unconference_slot where unconference_id = $1`, [ids.event]))).rowCount).toBe(0);
    expect((await as(who(), (c) => c.query(`delete from hearth.scheduled_session where unconference_id = $1`, [ids.event]))).rowCount).toBe(0);
  });

  it('lets a member create events only in its own name, and a guest none', async () => {
    const create = (organiser: string | null) => (c: Client) =>
      c.query(`insert into hearth.unconference (organisation_id, title, created_by) values ($1, 'New', 'probe')`, [organiser]);
    await expect(as(B(), create(b.id))).resolves.toMatchObject({ rowCount: 1 });
    await expect(as(B(), create(a.id))).rejects.toThrow(/row-level security/);
    await expect(as(B(), create(null))).rejects.toThrow(/row-level security/);
    await expect(as(G(), create(null))).rejects.toThrow(/row-level security/);
    await expect(as({ consortium: true }, create(null))).resolves.toMatchObject({ rowCount: 1 });
  });

  it('refuses a timetable that puts someone in two sessions in one slot, whoever writes it', async () => {
    // The guest co-hosts A's session, which is in the first slot; B's session with the guest as co-host cannot join it there.
    await db.admin.query(`insert into hearth.proposal_cohost (unconference_id, proposal_id, participant_id) values ($1, $2, $3)`, [ids.event, ids.proposalB, ids.personG]);
    const room2 = (await db.admin.query(`insert into hearth.unconference_room (unconference_id, name, capacity) values ($1, 'Side room', 20) returning id`, [ids.event])).rows[0].id;
    try {
      await expect(
        as(A(), (c) => c.query(`insert into hearth.scheduled_session (unconference_id, proposal_id, room_id, slot_id) values ($1, $2, $3, $4)`, [ids.event, ids.proposalB, room2, ids.slot])),
      ).rejects.toThrow(/two sessions in one slot/);
      await expect(
        as(A(), (c) => c.query(`insert into hearth.scheduled_session (unconference_id, proposal_id, room_id, slot_id) values ($1, $2, $3, $4)`, [ids.event, ids.proposalB, room2, ids.laterSlot])),
      ).resolves.toMatchObject({ rowCount: 1 });
    } finally {
      await db.admin.query(`delete from hearth.proposal_cohost where proposal_id = $1`, [ids.proposalB]);
      await db.admin.query(`delete from hearth.unconference_room where id = $1`, [room2]);
    }
  });

  it('refuses overlapping slots', async () => {
    await expect(
      as(A(), (c) => c.query(`insert into hearth.unconference_slot (unconference_id, starts_at, ends_at) values ($1, now() - interval '90 minutes', now())`, [ids.event])),
    ).rejects.toThrow(/unconference_slot_no_overlap/);
  });
});

describe("each organisation's own rows (SQL as hearth_app)", () => {
  const join = (org: string) => (c: Client) =>
    c.query(`insert into hearth.unconference_participant (unconference_id, organisation_id, subject, display_name) values ($1, $2, 'someone', 'Someone')`, [ids.event, org]);

  it('lets people join only in their own organisation’s name, and nobody bound not at all', async () => {
    await expect(as(B(), join(b.id))).resolves.toMatchObject({ rowCount: 1 });
    await expect(as(G(), join(guest.id))).resolves.toMatchObject({ rowCount: 1 });
    await expect(as(B(), join(a.id))).rejects.toThrow(/row-level security/);
    await expect(as(G(), join(b.id))).rejects.toThrow(/row-level security/);
    await expect(as(NOBODY, join(a.id))).rejects.toThrow(/row-level security/);
  });

  it("lets no organisation propose with another's host, or change another's proposal", async () => {
    const propose = (host: string, org: string) => (c: Client) =>
      c.query(`insert into hearth.session_proposal (unconference_id, host_participant_id, organisation_id, title) values ($1, $2, $3, 'X')`, [ids.event, host, org]);
    await expect(as(B(), propose(ids.personB, b.id))).resolves.toMatchObject({ rowCount: 1 });
    await expect(as(B(), propose(ids.personA, b.id))).rejects.toThrow(/row-level security/);
    await expect(as(B(), propose(ids.personA, a.id))).rejects.toThrow(/row-level security/);
    const withdraw = (c: Client) => c.query(`update hearth.session_proposal set status = 'withdrawn' where id = $1`, [ids.proposalA]);
    expect((await as(B(), withdraw)).rowCount).toBe(0);
    expect((await as(G(), withdraw)).rowCount).toBe(0);
    expect((await as(A(), withdraw)).rowCount).toBe(1);
    // Co-hosts are named by the proposal's own organisation.
    await expect(as(B(), (c) => c.query(`insert into hearth.proposal_cohost (unconference_id, proposal_id, participant_id) values ($1, $2, $3)`, [ids.event, ids.proposalA, ids.personB]))).rejects.toThrow(/row-level security/);
  });

  it('lets nobody write a vote count, not even on their own proposal', async () => {
    await expect(as(A(), (c) => c.query(`update hearth.session_proposal set vote_count = 99 where id = $1`, [ids.proposalA]))).rejects.toThrow(/permission denied/);
  });

  it("lets no organisation cast or take back another's votes", async () => {
    await db.admin.query(`update hearth.unconference set status = 'voting_open' where id = $1`, [ids.event]);
    try {
      const vote = (participant: string, org: string) => (c: Client) =>
        c.query(`insert into hearth.proposal_vote (unconference_id, proposal_id, participant_id, organisation_id) values ($1, $2, $3, $4)`, [ids.event, ids.proposalB, participant, org]);
      await expect(as(A(), vote(ids.personB, b.id))).rejects.toThrow(/row-level security/);
      await expect(as(A(), vote(ids.personB, a.id))).rejects.toThrow(/row-level security/);
      await expect(as(A(), vote(ids.personA, a.id))).resolves.toMatchObject({ rowCount: 1 });
      expect((await as(A(), (c) => c.query(`delete from hearth.proposal_vote where participant_id <> $1`, [ids.personA]))).rowCount).toBe(0);
      expect((await as(NOBODY, (c) => c.query(`delete from hearth.proposal_vote`))).rowCount).toBe(0);
    } finally {
      await db.admin.query(`update hearth.unconference set status = 'published' where id = $1`, [ids.event]);
    }
  });

  it('keeps the vote limit when one person votes on two connections at once', async () => {
    await db.admin.query(`update hearth.unconference set status = 'voting_open', votes_per_participant = 1 where id = $1`, [ids.event]);
    const extra = (await db.admin.query(`insert into hearth.session_proposal (unconference_id, host_participant_id, organisation_id, title) values ($1, $2, $3, 'Extra') returning id`, [ids.event, ids.personA, a.id])).rows[0].id;
    const first = await appClient();
    const second = await appClient();
    try {
      const vote = (client: Client, proposal: string) =>
        client.query(`insert into hearth.proposal_vote (unconference_id, proposal_id, participant_id, organisation_id) values ($1, $2, $3, $4)`, [ids.event, proposal, ids.personA, a.id]);
      for (const client of [first, second]) {
        await client.query('begin');
        await client.query(`select set_config('app.tenant_id', $1, true)`, [a.id]);
      }
      await vote(first, ids.proposalB);
      // The second waits for the first's lock on the participant, then counts its vote.
      const racing = vote(second, extra).then(() => 'cast', (error: Error) => error.message);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('commit');
      expect(await racing).toMatch(/vote limit reached/);
      await second.query('rollback');
      const { rows } = await db.admin.query(`select count(*)::int as n from hearth.proposal_vote where participant_id = $1`, [ids.personA]);
      expect(rows[0].n).toBe(1);
    } finally {
      await first.end();
      await second.end();
      await db.admin.query(`delete from hearth.proposal_vote where participant_id = $1`, [ids.personA]);
      await db.admin.query(`delete from hearth.session_proposal where id = $1`, [extra]);
      await db.admin.query(`update hearth.unconference set status = 'published', votes_per_participant = 2 where id = $1`, [ids.event]);
    }
  });

  it('takes notes only once a session has begun, and lets only the author’s organisation edit them', async () => {
    const note = (proposal: string) => (c: Client) =>
      c.query(`insert into hearth.session_note (unconference_id, proposal_id, author_participant_id, organisation_id, body) values ($1, $2, $3, $4, 'Notes')`, [ids.event, proposal, ids.personG, guest.id]);
    await expect(as(G(), note(ids.proposalA))).resolves.toMatchObject({ rowCount: 1 });
    // B's proposal has no place in the timetable, so it has not begun.
    await expect(as(G(), note(ids.proposalB))).rejects.toThrow(/row-level security/);
    const edit = (c: Client) => c.query(`update hearth.session_note set body = 'Rewritten' where id = $1`, [ids.note]);
    expect((await as(A(), edit)).rowCount).toBe(0);
    expect((await as(G(), edit)).rowCount).toBe(0);
    expect((await as(B(), edit)).rowCount).toBe(1);
  });
});

describe('visibility through GraphQL', () => {
  let api: TestApi;
  const EVENT = `query ($id: ID!) { unconference(id: $id) {
    title status proposals { title voteCount votedByViewer } participants { displayName organisationName guest }
    timetable { sessions { proposal { title } room { name } } } viewer { votedProposalIds votesLeft canOrganise canTakePart }
  } }`;

  beforeAll(async () => {
    api = await serveModulesForTest(db.config, [CalendarModule, UnconferencesModule]);
  });

  afterAll(() => api?.close());

  it("shows the guest the event, proposals, counts and timetable, and only its own person's vote", async () => {
    const res = await api.gql(EVENT, { id: ids.event }, { token: tokens.user('guest-council', ['guest'], { sub: 'personG' }) });
    expect(res.errors).toBeUndefined();
    const event = res.data!.unconference;
    expect(event.status).toBe('PUBLISHED');
    expect(event.proposals).toEqual([
      { title: 'Damp and mould', voteCount: 1, votedByViewer: false },
      { title: 'Welsh contracts', voteCount: 1, votedByViewer: true },
    ]);
    expect(event.participants).toContainEqual({ displayName: 'personG', organisationName: 'Guest guest-council', guest: true });
    expect(event.timetable.sessions).toEqual([{ proposal: { title: 'Damp and mould' }, room: { name: 'Hall' } }]);
    expect(event.viewer).toEqual({ votedProposalIds: [ids.proposalB], votesLeft: 1, canOrganise: false, canTakePart: true });
  });

  it("never shows a member another organisation's votes, even a colleague's of the same member", async () => {
    const other = await api.gql(EVENT, { id: ids.event }, { token: tokens.user('member-a', ['housing-officer'], { sub: 'personA' }) });
    expect(other.data!.unconference.viewer.votedProposalIds).toEqual([]);
    expect(other.data!.unconference.proposals.map((p: { votedByViewer: boolean }) => p.votedByViewer)).toEqual([false, false]);
    const colleague = await api.gql(EVENT, { id: ids.event }, { token: tokens.user('member-b', ['housing-officer'], { sub: 'someone-else-at-b' }) });
    expect(colleague.data!.unconference.viewer.votedProposalIds).toEqual([]);
    const voter = await api.gql(EVENT, { id: ids.event }, { token: tokens.user('member-b', ['housing-officer'], { sub: 'personB' }) });
    expect(voter.data!.unconference.viewer.votedProposalIds).toEqual([ids.proposalA]);
  });

  it('lets the organising member organise, and nobody else but consortium admins', async () => {
    const organiser = async (token: string, actFor?: string) => (await api.gql(EVENT, { id: ids.event }, { token, actFor })).data!.unconference.viewer.canOrganise;
    expect(await organiser(tokens.user('member-a', ['tenant-admin']))).toBe(true);
    expect(await organiser(tokens.user('member-a', ['housing-officer']))).toBe(false);
    expect(await organiser(tokens.user('member-b', ['tenant-admin']))).toBe(false);
    expect(await organiser(tokens.user('guest-council', ['guest', 'tenant-admin']))).toBe(false);
    expect(await organiser(tokens.user(null, ['consortium-admin']))).toBe(true);
    const refused = await api.gql(`mutation ($id: ID!) { finishUnconference(id: $id) { __typename ... on ErrorResult { code } } }`, { id: ids.event }, { token: tokens.user('member-b', ['tenant-admin']) });
    expect(refused.data!.finishUnconference).toEqual({ __typename: 'UnconferenceNotOrganiser', code: 'UNCONFERENCE_NOT_ORGANISER' });
  });

  it('gives consortium staff bound to no organisation the event to read, and nothing to take part with', async () => {
    const res = await api.gql(EVENT, { id: ids.event }, { token: tokens.user(null, ['consortium-admin']) });
    expect(res.data!.unconference.viewer).toMatchObject({ canTakePart: false, votedProposalIds: [] });
    const joined = await api.gql(`mutation ($id: ID!) { joinUnconference(unconferenceId: $id) { __typename } }`, { id: ids.event }, { token: tokens.user(null, ['consortium-admin']) });
    expect(joined.errors![0].extensions!.code).toBe('TENANT_REQUIRED');
  });

  it("gives the guest no member's data, even with a staff role in its token", async () => {
    const res = await api.gql(`{ closureDays { day } }`, {}, { token: tokens.user('guest-council', ['guest', 'housing-officer']) });
    expect(res.errors![0].extensions!.code).toBe('TENANT_REQUIRED');
  });
});
