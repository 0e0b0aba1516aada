import { createTestDatabase, insertGuestOrganisation, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { dataOf, insertVenue, SPACES_MODULES } from '../testing/spaces-fixtures';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;

const consortium = () => tokens.user(null, ['consortium-admin'], { sub: 'alex', name: 'Alex Morgan' });
const millbrookAdmin = () => tokens.user('millbrook', ['tenant-admin'], { sub: 'sam', name: 'Sam Patel' });
const aberAdmin = () => tokens.user('aber', ['tenant-admin'], { sub: 'ffion', name: 'Ffion Evans' });
const officer = () => tokens.user('millbrook', ['housing-officer'], { sub: 'kim', name: 'Kim' });

const VENUE_RESULT = `__typename ... on Venue { id name postcode operatorName operatorMemberId active openingHours { weekday opens closes } }
  ... on ErrorResult { code message } ... on VenueInvalid { problems { field message } }`;
const SAVE_VENUE = `mutation ($input: VenueInput!) { saveVenue(input: $input) { ${VENUE_RESULT} } }`;
const SAVE_SPACE = `mutation ($input: BookableSpaceInput!) { saveBookableSpace(input: $input) {
  __typename ... on BookableSpace { id name kind capacity amenities accessibility active venue { name } }
  ... on ErrorResult { code message } ... on BookableSpaceInvalid { problems { field message } } } }`;
const HUB = {
  name: 'Cardiff Hub',
  address: '2 Heol y Frenhines, Cardiff',
  postcode: 'cf10 2bh',
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' })),
  accessibilityNotes: 'Step-free entrance on Queen Street; hearing loop at reception.',
};

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook');
  await insertMember(db.admin, 'aber');
  await insertGuestOrganisation(db.admin, 'cardiff-council');
  api = await serveModulesForTest(db.config, SPACES_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('venues', () => {
  let hubId: string;

  it('are added and changed by consortium admins, in consortium mode, and audited', async () => {
    const made = dataOf(await api.gql(SAVE_VENUE, { input: HUB }, { token: consortium() })).saveVenue;
    expect(made).toMatchObject({ __typename: 'Venue', name: 'Cardiff Hub', postcode: 'CF10 2BH', operatorName: 'Hearth consortium', operatorMemberId: null, active: true });
    hubId = made.id;
    const changed = dataOf(await api.gql(SAVE_VENUE, { input: { ...HUB, id: hubId, name: 'Cardiff Collaboration Hub' } }, { token: consortium() })).saveVenue;
    expect(changed.name).toBe('Cardiff Collaboration Hub');
    const { rows } = await db.admin.query(`select operation from hearth.organisation_audit_log where target_id = $1 order by id`, [hubId]);
    expect(rows.map((r) => r.operation)).toEqual(['saveVenue', 'saveVenue']);
  });

  it("are kept by a member's tenant admins for the venues it runs, and by nobody else", async () => {
    const office = dataOf(await api.gql(SAVE_VENUE, { input: { ...HUB, name: 'Millbrook House' } }, { token: millbrookAdmin() })).saveVenue;
    expect(office).toMatchObject({ __typename: 'Venue', operatorName: 'Member millbrook', operatorMemberId: millbrook.id });
    const { rows: events } = await db.admin.query(`select tenant_id, type from hearth.outbox_event where aggregate_id = $1`, [office.id]);
    expect(events).toEqual([{ tenant_id: millbrook.id, type: 'spaces.venue.saved' }]);
    const notYours = dataOf(await api.gql(SAVE_VENUE, { input: { ...HUB, id: office.id, name: 'Taken' } }, { token: aberAdmin() })).saveVenue;
    expect(notYours).toMatchObject({ __typename: 'VenueNotYours', message: 'Millbrook House is run by Member millbrook; only they can change it' });
    const consortiumHub = dataOf(await api.gql(SAVE_VENUE, { input: { ...HUB, id: hubId, name: 'Taken' } }, { token: millbrookAdmin() })).saveVenue;
    expect(consortiumHub.__typename).toBe('VenueNotYours');
    const forbidden = await api.gql(SAVE_VENUE, { input: { ...HUB, name: 'Officer’s venue' } }, { token: officer() });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuse bad opening hours, a name taken, and a bad postcode, changing nothing', async () => {
    const bad = dataOf(
      await api.gql(SAVE_VENUE, { input: { ...HUB, name: 'cardiff collaboration hub', openingHours: [{ weekday: 1, opens: '18:00', closes: '08:00' }] } }, { token: consortium() }),
    ).saveVenue;
    expect(bad).toMatchObject({ __typename: 'VenueInvalid' });
    expect(bad.problems).toEqual([
      { field: 'openingHours[0].closes', message: 'closes must be after opens' },
      { field: 'name', message: 'There is already a venue called Cardiff Collaboration Hub' },
    ]);
    const postcode = await api.gql(SAVE_VENUE, { input: { ...HUB, name: 'Elsewhere', postcode: 'nowhere' } }, { token: consortium() });
    expect(postcode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(postcode.errors)).toContain('postcode must be a UK postcode');
    const { rows } = await db.admin.query(`select count(*)::int as n from hearth.venue`);
    expect(rows[0].n).toBe(2);
  });

  it('list by name for everyone, with their desks and rooms', async () => {
    await insertVenue(db.admin, 'Aberystwyth Hub', { active: false });
    const LIST = `query ($all: Boolean) { venues(first: 1, includeInactive: $all) { totalCount pageInfo { hasNextPage endCursor } edges { node { name spaces { name } } } } }`;
    const first = dataOf(await api.gql(LIST, {}, { token: tokens.user('cardiff-council', ['guest']) })).venues;
    expect(first.totalCount).toBe(2);
    expect(first.edges[0].node.name).toBe('Cardiff Collaboration Hub');
    const next = dataOf(await api.gql(`query ($after: String) { venues(first: 5, after: $after) { edges { node { name } } } }`, { after: first.pageInfo.endCursor }, { token: officer() })).venues;
    expect(next.edges.map((e: any) => e.node.name)).toEqual(['Millbrook House']);
    const all = dataOf(await api.gql(LIST.replace('first: 1', 'first: 10'), { all: true }, { token: consortium() })).venues;
    expect(all.edges.map((e: any) => e.node.name)).toEqual(['Aberystwyth Hub', 'Cardiff Collaboration Hub', 'Millbrook House']);
  });
});

describe('desks and rooms', () => {
  let hubId: string;

  beforeAll(async () => {
    hubId = (await db.admin.query(`select id from hearth.venue where name = 'Cardiff Collaboration Hub'`)).rows[0].id;
  });

  it('are added and changed by whoever keeps the venue', async () => {
    const room = dataOf(
      await api.gql(SAVE_SPACE, { input: { venueId: hubId, kind: 'ROOM', name: 'Taff room', capacity: 10, amenities: ['screen', 'video-calls'], accessibility: ['hearing-loop'] } }, { token: consortium() }),
    ).saveBookableSpace;
    expect(room).toMatchObject({ __typename: 'BookableSpace', kind: 'ROOM', capacity: 10, amenities: ['screen', 'video-calls'], venue: { name: 'Cardiff Collaboration Hub' } });
    const smaller = dataOf(await api.gql(SAVE_SPACE, { input: { id: room.id, venueId: hubId, kind: 'ROOM', name: 'Taff room', capacity: 6 } }, { token: consortium() })).saveBookableSpace;
    expect(smaller).toMatchObject({ capacity: 6, amenities: [] });
    const notYours = dataOf(await api.gql(SAVE_SPACE, { input: { venueId: hubId, kind: 'DESK', name: 'Desk 9', capacity: 1 } }, { token: millbrookAdmin() })).saveBookableSpace;
    expect(notYours.__typename).toBe('VenueNotYours');
  });

  it('refuse a desk for more than one, a name taken in the venue, and tags that are not words', async () => {
    const big = dataOf(await api.gql(SAVE_SPACE, { input: { venueId: hubId, kind: 'DESK', name: 'taff room', capacity: 2 } }, { token: consortium() })).saveBookableSpace;
    expect(big.problems).toEqual([
      { field: 'capacity', message: 'A desk seats 1; make it a room to seat more' },
      { field: 'name', message: 'Cardiff Collaboration Hub already has a desk or room called Taff room' },
    ]);
    const tags = await api.gql(SAVE_SPACE, { input: { venueId: hubId, kind: 'DESK', name: 'Desk 1', capacity: 1, amenities: ['Big Screen!'] } }, { token: consortium() });
    expect(tags.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
