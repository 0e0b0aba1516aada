import {
  createTestDatabase, insertGuestOrganisation, insertMember, serveModulesForTest, TestTokens,
  type GraphQLResponse, type TestApi, type TestDatabase,
} from '@hearth/platform-testing';
import { CalendarModule } from '@hearth/platform-calendar';
import { UnconferencesModule } from './unconferences.module';

/** Unconferences through the API, end to end: an organiser's lifecycle, people from two members and a guest taking part. */
const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

const person = (organisation: string | null, sub: string, name: string, roles = ['housing-officer']) => tokens.user(organisation, roles, { sub, name });
const organiser = () => person('millbrook', 'sam', 'Sam Patel', ['tenant-admin']);
const ffion = () => person('aber', 'ffion', 'Ffion Evans');
const dai = () => person('aber', 'dai', 'Dai Price');
const priya = () => person('millbrook', 'priya', 'Priya Shah');
const councillor = () => person('cardiff-council', 'rhian', 'Rhian Jones', ['guest']);

function dataOf<T = any>(res: GraphQLResponse<T>): T {
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

const RESULT = `__typename ... on Unconference { id status } ... on ErrorResult { code message } ... on UnconferenceInvalid { problems { field message } }`;
const TIMETABLE_RESULT = `${RESULT} ... on UnconferenceSessionHostClash { participantName otherSessionTitle }`;
const PROPOSAL = `__typename ... on SessionProposal { id title voteCount status } ... on ErrorResult { code message }`;
const VOTE = `${PROPOSAL} ... on SessionProposalVoteLimitReached { limit }`;

async function organise(field: string, variables: Record<string, unknown>, token = organiser()): Promise<Record<string, any>> {
  return dataOf(await api.gql(`mutation ${declare(variables)} { x: ${field} }`, variables, { token })).x;
}

/** The variables' declarations for a one-field mutation, typed by name. */
function declare(variables: Record<string, unknown>): string {
  const types: Record<string, string> = {
    id: 'ID!', roomId: 'ID!', slotId: 'ID!', proposalId: 'ID!', unconferenceId: 'ID!',
    create: 'CreateUnconferenceInput!', room: 'UnconferenceRoomInput!', slot: 'UnconferenceSlotInput!', move: 'UnconferenceSessionMoveInput!',
    proposal: 'SessionProposalInput!', note: 'UnconferenceSessionNoteInput!', edit: 'UnconferenceSessionNoteEditInput!', update: 'UpdateUnconferenceInput!',
  };
  const names = Object.keys(variables);
  return names.length ? `(${names.map((name) => `$${name}: ${types[name]}`).join(', ')})` : '';
}

async function createEvent(title: string, votesPerParticipant: number, slots: [Date, Date][], rooms: [string, number][]): Promise<string> {
  const made = await organise(`createUnconference(input: $create) { ${RESULT} }`, { create: { title, votesPerParticipant, venue: 'Temple of Peace, Cardiff' } });
  expect(made.__typename).toBe('Unconference');
  for (const [name, capacity] of rooms) {
    expect((await organise(`addUnconferenceRoom(input: $room) { ${RESULT} }`, { room: { unconferenceId: made.id, name, capacity } })).__typename).toBe('Unconference');
  }
  for (const [startsAt, endsAt] of slots) {
    expect((await organise(`addUnconferenceSlot(input: $slot) { ${RESULT} }`, { slot: { unconferenceId: made.id, startsAt, endsAt } })).__typename).toBe('Unconference');
  }
  return made.id;
}

async function propose(token: string, unconferenceId: string, title: string, cohostParticipantIds: string[] = []) {
  const res = await api.gql(`mutation ($proposal: SessionProposalInput!) { x: proposeUnconferenceSession(input: $proposal) { ${PROPOSAL} } }`, {
    proposal: { unconferenceId, title, abstract: `About ${title.toLowerCase()}.`, cohostParticipantIds },
  }, { token });
  return dataOf(res).x;
}

async function vote(token: string, proposalId: string) {
  return dataOf(await api.gql(`mutation ($proposalId: ID!) { x: voteForSessionProposal(proposalId: $proposalId) { ${VOTE} } }`, { proposalId }, { token })).x;
}

async function join(token: string, unconferenceId: string): Promise<string> {
  const res = await api.gql(`mutation ($unconferenceId: ID!) { x: joinUnconference(unconferenceId: $unconferenceId) { __typename ... on UnconferenceParticipant { id } } }`, { unconferenceId }, { token });
  return dataOf(res).x.id;
}

const EVENT = `query ($id: ID!) { unconference(id: $id) {
  id title status votesPerParticipant organiserKind organiserName startsAt endsAt proposalCount
  rooms { id name capacity } slots { id startsAt endsAt }
  proposals { id title status voteCount unscheduledReason host { displayName organisationName guest } cohosts { displayName } session { room { name } slot { id } } }
  timetable { draft sessions { pinned proposal { id title host { id } cohosts { id } } room { id name capacity } slot { id } } unscheduled { title unscheduledReason } }
  viewer { canOrganise canTakePart votesLeft votesUsed votedProposalIds participant { displayName } }
  icalendar
} }`;

const read = async (id: string, token = organiser()) => dataOf(await api.gql(EVENT, { id }, { token })).unconference;

const hour = (day: number, h: number) => new Date(Date.UTC(2030, 4, day, h));
const past = (hoursAgo: number) => new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - hoursAgo * 3_600_000);

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'millbrook');
  await insertMember(db.admin, 'aber', {}, { country: 'wales', languages: ['cy', 'en'] });
  await insertGuestOrganisation(db.admin, 'cardiff-council');
  api = await serveModulesForTest(db.config, [CalendarModule, UnconferencesModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('an unconference from draft to notes', () => {
  let id: string;
  const titles: Record<string, string> = {};

  it('is set up by a tenant admin as a draft that only organisers see', async () => {
    id = await createEvent('Housing Camp Cymru', 3, [[past(3), past(2)], [past(2), past(1)]], [['Main hall', 120], ['Seminar room', 30]]);
    const event = await read(id);
    expect(event).toMatchObject({
      status: 'DRAFT', organiserKind: 'MEMBER', organiserName: 'Member millbrook', votesPerParticipant: 3,
      rooms: [{ name: 'Main hall', capacity: 120 }, { name: 'Seminar room', capacity: 30 }],
      viewer: { canOrganise: true, canTakePart: true, votesLeft: 3 }, timetable: null, icalendar: null,
    });
    expect(event.slots).toHaveLength(2);
    expect(dataOf(await api.gql(EVENT, { id }, { token: ffion() })).unconference).toBeNull();
    const list = dataOf(await api.gql(`{ unconferences { totalCount edges { node { title } } } }`, {}, { token: councillor() })).unconferences;
    expect(list.totalCount).toBe(0);
  });

  it('refuses overlapping slots, a room name twice, bad input and other people, changing nothing', async () => {
    const overlap = await organise(`addUnconferenceSlot(input: $slot) { ${RESULT} }`, { slot: { unconferenceId: id, startsAt: past(2.5), endsAt: past(1.5) } });
    expect(overlap).toMatchObject({ __typename: 'UnconferenceInvalid', problems: [{ field: 'startsAt', message: 'That slot overlaps another slot of this unconference' }] });
    const twice = await organise(`addUnconferenceRoom(input: $room) { ${RESULT} }`, { room: { unconferenceId: id, name: 'main HALL', capacity: 5 } });
    expect(twice).toMatchObject({ __typename: 'UnconferenceInvalid', problems: [{ field: 'name' }] });
    const bad = await api.gql(`mutation ($room: UnconferenceRoomInput!) { addUnconferenceRoom(input: $room) { __typename } }`, { room: { unconferenceId: id, name: 'Cupboard', capacity: 0 } }, { token: organiser() });
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.errors)).toContain('capacity must be at least 1');
    const officer = await api.gql(`mutation ($id: ID!) { openUnconferenceProposals(id: $id) { __typename } }`, { id }, { token: priya() });
    expect(officer.errors![0].extensions!.code).toBe('FORBIDDEN');
    const early = await organise(`scheduleUnconference(id: $id) { ${TIMETABLE_RESULT} }`, { id });
    expect(early).toMatchObject({ __typename: 'UnconferenceWrongStatus', code: 'UNCONFERENCE_WRONG_STATUS' });
    const event = await read(id);
    expect(event.rooms).toHaveLength(2);
    expect(event.slots).toHaveLength(2);
  });

  it('takes proposals with co-hosts from two members and a guest', async () => {
    expect((await organise(`openUnconferenceProposals(id: $id) { ${RESULT} }`, { id })).status).toBe('PROPOSALS_OPEN');
    const rhian = await join(councillor(), id);
    const ffionId = await join(ffion(), id);
    // Ffion co-hosts Priya's session and hosts her own: they must not clash.
    const a = await propose(priya(), id, 'Damp and mould: what works', [ffionId]);
    const b = await propose(ffion(), id, 'Occupation contracts in practice');
    const c = await propose(councillor(), id, 'Homelessness duty and housing associations');
    const d = await propose(dai(), id, 'Retrofit on a budget', [rhian]);
    for (const p of [a, b, c, d]) expect(p).toMatchObject({ __typename: 'SessionProposal', status: 'PROPOSED', voteCount: 0 });
    Object.assign(titles, { a: a.id, b: b.id, c: c.id, d: d.id });
    const notParticipant = await propose(priya(), id, 'X', ['00000000-0000-4000-8000-000000000000']);
    expect(notParticipant).toMatchObject({ __typename: 'UnconferenceInvalid' });
    const event = await read(id, councillor());
    expect(event.proposals.map((p: any) => [p.title, p.host.organisationName, p.host.guest, p.cohosts.map((x: any) => x.displayName)])).toEqual([
      ['Damp and mould: what works', 'Member millbrook', false, ['Ffion Evans']],
      ['Occupation contracts in practice', 'Member aber', false, []],
      ['Homelessness duty and housing associations', 'Guest cardiff-council', true, []],
      ['Retrofit on a budget', 'Member aber', false, ['Rhian Jones']],
    ]);
  });

  it('counts votes from everyone, within each person’s votes, and refuses votes before voting opens', async () => {
    expect(await vote(priya(), titles.a)).toMatchObject({ __typename: 'UnconferenceWrongStatus' });
    expect((await organise(`openUnconferenceVoting(id: $id) { ${RESULT} }`, { id })).status).toBe('VOTING_OPEN');
    for (const token of [priya(), ffion(), councillor(), dai()]) expect(await vote(token, titles.a)).toMatchObject({ __typename: 'SessionProposal' });
    for (const token of [priya(), councillor()]) await vote(token, titles.c);
    await vote(ffion(), titles.b);
    await vote(dai(), titles.d);
    // Voting twice for one proposal changes nothing.
    expect(await vote(dai(), titles.d)).toMatchObject({ voteCount: 1 });
    await vote(priya(), titles.d);
    expect(await vote(priya(), titles.b)).toMatchObject({ __typename: 'SessionProposalVoteLimitReached', limit: 3 });
    const event = await read(id, priya());
    expect(event.proposals.map((p: any) => p.voteCount)).toEqual([4, 1, 2, 2]);
    expect(event.viewer).toMatchObject({ votesUsed: 3, votesLeft: 0, votedProposalIds: expect.arrayContaining([titles.a, titles.c, titles.d]) });
    // Taking a vote back frees it.
    const back = await api.gql(`mutation ($proposalId: ID!) { x: withdrawSessionProposalVote(proposalId: $proposalId) { ${VOTE} } }`, { proposalId: titles.d }, { token: priya() });
    expect(dataOf(back).x).toMatchObject({ voteCount: 1 });
    expect(await vote(priya(), titles.b)).toMatchObject({ voteCount: 2 });
  });

  it('drafts a timetable with the most voted sessions in the biggest rooms, and nobody in two places', async () => {
    const scheduled = await organise(`scheduleUnconference(id: $id) { ${TIMETABLE_RESULT} }`, { id });
    expect(scheduled).toMatchObject({ __typename: 'Unconference', status: 'SCHEDULED' });
    const event = await read(id, ffion());
    expect(event.timetable.draft).toBe(true);
    // a (4 votes) and then the ties c, b (2 each, by id) and d (1): a and the next best get the hall, one per slot.
    const hall = event.timetable.sessions.filter((s: any) => s.room.name === 'Main hall').map((s: any) => s.proposal.title);
    expect(hall).toContain('Damp and mould: what works');
    expect(event.timetable.sessions).toHaveLength(4);
    for (const slot of event.slots) {
      const inSlot = event.timetable.sessions.filter((s: any) => s.slot.id === slot.id);
      const people = inSlot.flatMap((s: any) => [s.proposal.host.id, ...s.proposal.cohosts.map((c: any) => c.id)]);
      expect(new Set(people).size).toBe(people.length);
    }
    // Ffion hosts b and co-hosts a, so they are in different slots.
    const slotOf = (title: string) => event.timetable.sessions.find((s: any) => s.proposal.title === title).slot.id;
    expect(slotOf('Occupation contracts in practice')).not.toBe(slotOf('Damp and mould: what works'));
    expect(event.proposals.every((p: any) => p.status === 'SCHEDULED')).toBe(true);
  });

  it('refuses a move that would put a host in two places, and swaps sessions otherwise', async () => {
    const event = await read(id);
    const sessionOf = (proposalId: string) => event.timetable.sessions.find((s: any) => s.proposal.id === proposalId);
    const a = sessionOf(titles.a);
    // b into a's slot, in the other room: Ffion (host of b, co-host of a) would be in both.
    const otherRoom = event.rooms.find((r: any) => r.id !== a.room.id);
    const clash = await organise(`moveUnconferenceSession(input: $move) { ${TIMETABLE_RESULT} }`, { move: { unconferenceId: id, proposalId: titles.b, roomId: otherRoom.id, slotId: a.slot.id } });
    expect(clash).toMatchObject({ __typename: 'UnconferenceSessionHostClash', participantName: 'Ffion Evans', otherSessionTitle: 'Damp and mould: what works' });
    expect(sessionOf(titles.b)).toEqual((await read(id)).timetable.sessions.find((s: any) => s.proposal.id === titles.b));

    // Swapping a with the session in the other room of its own slot keeps everyone where they can be.
    const neighbour = event.timetable.sessions.find((s: any) => s.slot.id === a.slot.id && s.proposal.id !== titles.a);
    const swapped = await organise(`moveUnconferenceSession(input: $move) { ${TIMETABLE_RESULT} }`, { move: { unconferenceId: id, proposalId: titles.a, roomId: neighbour.room.id, slotId: a.slot.id } });
    expect(swapped).toMatchObject({ __typename: 'Unconference' });
    const after = await read(id);
    const moved = after.timetable.sessions.find((s: any) => s.proposal.id === titles.a);
    const back = after.timetable.sessions.find((s: any) => s.proposal.id === neighbour.proposal.id);
    expect([moved.room.id, moved.pinned, back.room.id, back.pinned]).toEqual([neighbour.room.id, true, a.room.id, true]);

    // A new scheduler run keeps the organiser's pins.
    await organise(`scheduleUnconference(id: $id) { ${TIMETABLE_RESULT} }`, { id });
    expect((await read(id)).timetable.sessions.find((s: any) => s.proposal.id === titles.a)).toMatchObject({ pinned: true, room: { id: neighbour.room.id } });
  });

  it('publishes the timetable in the console and as iCalendar, the public feed without names or abstracts', async () => {
    expect((await organise(`publishUnconference(id: $id) { ${RESULT} }`, { id })).status).toBe('PUBLISHED');
    const event = await read(id, councillor());
    expect(event.timetable.draft).toBe(false);
    // Long lines are folded (RFC 5545): read them unfolded.
    const unfold = (ics: string) => ics.replace(/\r\n /g, '');
    const signedIn = unfold(event.icalendar);
    expect(signedIn).toContain('BEGIN:VCALENDAR');
    expect(signedIn).toContain('SUMMARY:Damp and mould: what works');
    expect(signedIn).toContain('Hosted by Priya Shah\\, Ffion Evans');
    expect(signedIn.match(/BEGIN:VEVENT/g)).toHaveLength(4);

    const feed = await fetch(`${api.url}/calendar/unconferences/${id}.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const text = unfold(await feed.text());
    expect(text).toContain('SUMMARY:Occupation contracts in practice');
    expect(text).toContain('LOCATION:Main hall\\, Temple of Peace\\, Cardiff');
    expect(text).not.toContain('Priya');
    expect(text).not.toContain('About damp');
    expect((await fetch(`${api.url}/calendar/unconferences/00000000-0000-4000-8000-000000000000.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/calendar/unconferences/not-an-id.ics`)).status).toBe(404);
  });

  it('shares notes on sessions that have begun, editable by their author only', async () => {
    const write = (token: string, proposalId: string, body: string) =>
      api.gql(`mutation ($note: UnconferenceSessionNoteInput!) { x: writeUnconferenceSessionNote(input: $note) { __typename ... on UnconferenceSessionNote { id body } ... on ErrorResult { code } } }`, { note: { proposalId, body } }, { token });
    const note = dataOf(await write(councillor(), titles.a, '## Actions\n- Share the damp checklist')).x;
    expect(note).toMatchObject({ __typename: 'UnconferenceSessionNote', body: '## Actions\n- Share the damp checklist' });
    const edit = (token: string) =>
      api.gql(`mutation ($edit: UnconferenceSessionNoteEditInput!) { x: editUnconferenceSessionNote(input: $edit) { __typename ... on UnconferenceSessionNote { body } ... on ErrorResult { code } } }`, { edit: { noteId: note.id, body: 'Rewritten' } }, { token });
    expect(dataOf(await edit(priya())).x).toEqual({ __typename: 'UnconferenceSessionNoteNotAuthor', code: 'UNCONFERENCE_SESSION_NOTE_NOT_AUTHOR' });
    expect(dataOf(await edit(councillor())).x).toEqual({ __typename: 'UnconferenceSessionNote', body: 'Rewritten' });
    const notes = dataOf(await api.gql(`query ($id: ID!) { unconference(id: $id) { proposals { id notes { body author { displayName } editableByViewer } } } }`, { id }, { token: ffion() }));
    expect(notes.unconference.proposals.find((p: any) => p.id === titles.a).notes).toEqual([{ body: 'Rewritten', author: { displayName: 'Rhian Jones' }, editableByViewer: false }]);
  });

  it('finishes', async () => {
    expect((await organise(`finishUnconference(id: $id) { ${RESULT} }`, { id })).status).toBe('FINISHED');
    expect(await organise(`finishUnconference(id: $id) { ${RESULT} }`, { id })).toMatchObject({ __typename: 'UnconferenceWrongStatus' });
  });
});

describe('votes cast at once', () => {
  it('never let one person past their votes, however many they send together', async () => {
    const id = await createEvent('Vote race', 2, [[hour(20, 9), hour(20, 10)]], [['Room', 10]]);
    await organise(`openUnconferenceProposals(id: $id) { ${RESULT} }`, { id });
    const proposals = [];
    for (let i = 0; i < 6; i++) proposals.push((await propose(ffion(), id, `Topic ${i}`)).id);
    await organise(`openUnconferenceVoting(id: $id) { ${RESULT} }`, { id });
    await join(priya(), id);
    const outcomes = await Promise.all(proposals.map((proposalId) => vote(priya(), proposalId)));
    expect(outcomes.filter((o) => o.__typename === 'SessionProposal')).toHaveLength(2);
    expect(outcomes.filter((o) => o.__typename === 'SessionProposalVoteLimitReached')).toHaveLength(4);
    const { rows } = await db.admin.query(`select coalesce(sum(vote_count), 0)::int as counted, (select count(*)::int from hearth.proposal_vote where unconference_id = $1) as cast from hearth.session_proposal where unconference_id = $1`, [id]);
    expect(rows[0]).toEqual({ counted: 2, cast: 2 });
  });
});

describe('a consortium event', () => {
  it('is organised by a consortium admin bound to no member, and a guest takes part', async () => {
    const admin = tokens.user(null, ['consortium-admin'], { name: 'Alex Morgan' });
    const made = await organise(`createUnconference(input: $create) { ${RESULT} ... on Unconference { organiserKind organiserName } }`, { create: { title: 'Consortium day' } }, admin);
    expect(made).toMatchObject({ __typename: 'Unconference', organiserKind: 'CONSORTIUM', organiserName: null });
    expect((await organise(`openUnconferenceProposals(id: $id) { ${RESULT} }`, { id: made.id }, admin)).status).toBe('PROPOSALS_OPEN');
    // A member's tenant admin does not organise the consortium's events.
    expect(await organise(`openUnconferenceVoting(id: $id) { ${RESULT} }`, { id: made.id })).toMatchObject({ __typename: 'UnconferenceNotOrganiser' });
    expect(await propose(councillor(), made.id, 'Working with councils')).toMatchObject({ __typename: 'SessionProposal' });
    const audit = await db.admin.query(`select operation from hearth.organisation_audit_log where target_id = $1 or operation = 'proposeUnconferenceSession' order by id`, [made.id]);
    expect(audit.rows.map((r) => r.operation)).toEqual(expect.arrayContaining(['createUnconference', 'openUnconferenceProposals', 'proposeUnconferenceSession']));
  });
});
