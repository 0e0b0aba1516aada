import { createTestDatabase, insertGuestOrganisation, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { dataOf, hoursAhead, insertBooking, insertSpace, insertVenue, SPACES_MODULES } from '../testing/spaces-fixtures';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let council: TestMember;
let desk: string;

const sam = () => tokens.user('millbrook', ['housing-officer'], { sub: 'sam', name: 'Sam Patel' });
const rhian = () => tokens.user('cardiff-council', ['guest'], { sub: 'rhian', name: 'Rhian Lloyd' });
const ROTATE = `mutation { rotateSpaceCalendarFeed { active createdAt url } }`;
const STATUS = `{ mySpaceCalendarFeed { active createdAt url } }`;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook');
  council = await insertGuestOrganisation(db.admin, 'cardiff-council');
  const venue = await insertVenue(db.admin, 'Cardiff Hub');
  desk = await insertSpace(db.admin, venue, 'Desk 4');
  api = await serveModulesForTest(db.config, SPACES_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const fetchFeed = (url: string) => fetch(url).then(async (response) => ({ status: response.status, type: response.headers.get('content-type'), body: await response.text() }));

describe("a person's calendar feed", () => {
  it('is made on request, its address shown once, and lists their bookings (cancelled ones as CANCELLED)', async () => {
    expect(dataOf(await api.gql(STATUS, {}, { token: sam() })).mySpaceCalendarFeed).toEqual({ active: false, createdAt: null, url: null });
    const start = hoursAhead(24);
    const kept = await insertBooking(db.admin, millbrook.id, desk, start, new Date(start.getTime() + 3_600_000), { bookedBy: 'sam', purpose: 'Tenancy audit; bring files' });
    const cancelled = await insertBooking(db.admin, millbrook.id, desk, hoursAhead(30), hoursAhead(31), { bookedBy: 'sam', status: 'cancelled' });
    await insertBooking(db.admin, millbrook.id, desk, hoursAhead(40), hoursAhead(41), { bookedBy: 'someone-else' });

    const feed = dataOf(await api.gql(ROTATE, {}, { token: sam() })).rotateSpaceCalendarFeed;
    expect(feed.url).toMatch(new RegExp(`^${api.url}/calendar/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(dataOf(await api.gql(STATUS, {}, { token: sam() })).mySpaceCalendarFeed).toEqual({ active: true, createdAt: feed.createdAt, url: null });

    const { status, type, body } = await fetchFeed(feed.url);
    expect(status).toBe(200);
    expect(type).toBe('text/calendar; charset=utf-8');
    const unfolded = body.replace(/\r\n /g, '');
    expect(unfolded).toContain(`UID:space-booking-${kept}@hearth`);
    expect(unfolded).toContain('SUMMARY:Desk: Desk 4\\, Cardiff Hub');
    expect(unfolded).toContain('DESCRIPTION:Tenancy audit\\; bring files');
    expect(unfolded).toMatch(new RegExp(`UID:space-booking-${cancelled}@hearth[\\s\\S]*?STATUS:CANCELLED`));
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('stops working when a new address is made, and answers an unknown one with a bare 404', async () => {
    const first = dataOf(await api.gql(ROTATE, {}, { token: sam() })).rotateSpaceCalendarFeed.url;
    const second = dataOf(await api.gql(ROTATE, {}, { token: sam() })).rotateSpaceCalendarFeed.url;
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    expect((await fetchFeed(`${api.url}/calendar/feeds/${'x'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${api.url}/calendar/feeds/not-a-token`)).status).toBe(404);
  });

  it("works for a guest's people, and stops while their organisation is suspended", async () => {
    await insertBooking(db.admin, council.id, desk, hoursAhead(60), hoursAhead(61), { bookedBy: 'rhian' });
    const url = dataOf(await api.gql(ROTATE, {}, { token: rhian() })).rotateSpaceCalendarFeed.url;
    const { body } = await fetchFeed(url);
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    await db.admin.query(`update hearth.guest_organisation set status = 'suspended' where id = $1`, [council.id]);
    expect((await fetchFeed(url)).status).toBe(404);
    await db.admin.query(`update hearth.guest_organisation set status = 'active' where id = $1`, [council.id]);
  });
});
