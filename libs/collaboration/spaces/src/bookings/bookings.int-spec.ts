import { createTestDatabase, insertGuestOrganisation, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { dataOf, hoursAhead, insertBooking, insertSpace, insertVenue, SPACES_MODULES, WEEKDAYS_NINE_TO_FIVE } from '../testing/spaces-fixtures';
import { instantAt, isoWeekday, addDays, localTime } from '../venues/local-time';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;
let council: TestMember;
let hub: string;
let desk1: string;
let desk2: string;
let desk3: string;
let room: string;
let officeVenue: string;
let officeDesk: string;

const sam = () => tokens.user('millbrook', ['housing-officer'], { sub: 'sam', name: 'Sam Patel' });
const samsAdmin = () => tokens.user('millbrook', ['tenant-admin'], { sub: 'jo', name: 'Jo Admin' });
const ffion = () => tokens.user('aber', ['housing-officer'], { sub: 'ffion', name: 'Ffion Evans' });
const rhian = () => tokens.user('cardiff-council', ['guest'], { sub: 'rhian', name: 'Rhian Lloyd' });

const RESULT = `__typename
  ... on SpaceBooking { id start end status attendees purpose bookedByName space { name venue { name } } }
  ... on ErrorResult { code message }
  ... on BookingClash { alternatives { sameSpace start end space { id name } } }
  ... on BookingQuotaExceeded { quota limit used requested weekStarting }
  ... on BookingInvalid { problems { field message } }`;
const BOOK = `mutation ($input: SpaceBookingInput!) { bookSpace(input: $input) { ${RESULT} } }`;
const CHECK_IN = `mutation ($id: ID!) { checkInSpaceBooking(id: $id) { __typename ... on SpaceBooking { status checkedInAt } ... on ErrorResult { code message } ... on BookingCheckInNotOpen { opensAt closesAt } } }`;
const CANCEL = `mutation ($id: ID!) { cancelSpaceBooking(id: $id) { __typename ... on SpaceBooking { status cancelledAt } ... on ErrorResult { code message } } }`;

async function book(input: Record<string, unknown>, token = sam()) {
  return dataOf(await api.gql(BOOK, { input }, { token })).bookSpace;
}

const iso = (date: Date) => date.toISOString();
const hours = (from: Date, n: number) => new Date(from.getTime() + n * 3_600_000);
const counts = async (sql: string, params: unknown[] = []) => (await db.admin.query(sql, params)).rows[0].n as number;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook');
  aber = await insertMember(db.admin, 'aber');
  council = await insertGuestOrganisation(db.admin, 'cardiff-council');
  hub = await insertVenue(db.admin, 'Cardiff Hub');
  desk1 = await insertSpace(db.admin, hub, 'Desk 1', { accessibility: ['height-adjustable'] });
  desk2 = await insertSpace(db.admin, hub, 'Desk 2');
  desk3 = await insertSpace(db.admin, hub, 'Desk 3');
  room = await insertSpace(db.admin, hub, 'Taff room', { kind: 'room', capacity: 8, amenities: ['screen'] });
  officeVenue = await insertVenue(db.admin, 'Millbrook office', { operator: millbrook.id, openingHours: WEEKDAYS_NINE_TO_FIVE });
  officeDesk = await insertSpace(db.admin, officeVenue, 'Hot desk');
  api = await serveModulesForTest(db.config, SPACES_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('booking a desk or room', () => {
  it('books, audits, and tells the member’s outbox, with no one else’s details in the event', async () => {
    const start = hoursAhead(24);
    const made = await book({ spaceId: desk1, start: iso(start), end: iso(hours(start, 2)), purpose: 'Rent arrears casework' });
    expect(made).toMatchObject({ __typename: 'SpaceBooking', status: 'BOOKED', bookedByName: 'Sam Patel', attendees: 1, space: { name: 'Desk 1', venue: { name: 'Cardiff Hub' } } });
    expect(new Date(made.start).getTime()).toBe(start.getTime());
    const { rows: events } = await db.admin.query(`select tenant_id, type, payload from hearth.outbox_event where aggregate_id = $1`, [made.id]);
    expect(events).toEqual([{ tenant_id: millbrook.id, type: 'spaces.booking.booked', payload: expect.objectContaining({ bookingId: made.id, spaceId: desk1 }) }]);
    expect(JSON.stringify(events[0].payload)).not.toContain('arrears');
    expect(await counts(`select count(*)::int as n from hearth.audit_log where tenant_id = $1 and operation = 'bookSpace' and target_id = $2`, [millbrook.id, made.id])).toBe(1);
  });

  it("books for a guest organisation, audited in the organisations' log and in no member's outbox", async () => {
    const start = hoursAhead(24);
    const made = await book({ spaceId: room, start: iso(start), end: iso(hours(start, 1)), attendees: 4, purpose: 'Safeguarding panel' }, rhian());
    expect(made).toMatchObject({ __typename: 'SpaceBooking', attendees: 4 });
    expect(await counts(`select count(*)::int as n from hearth.space_booking where id = $1 and organisation_id = $2`, [made.id, council.id])).toBe(1);
    expect(await counts(`select count(*)::int as n from hearth.outbox_event where aggregate_id = $1`, [made.id])).toBe(0);
    expect(await counts(`select count(*)::int as n from hearth.organisation_audit_log where guest_organisation_id = $1 and operation = 'bookSpace'`, [council.id])).toBe(1);
  });

  it('refuses what breaks the rules, saying why, and books nothing', async () => {
    const before = await counts(`select count(*)::int as n from hearth.space_booking`);
    const start = hoursAhead(30);
    const past = await book({ spaceId: desk2, start: iso(hours(new Date(), -3)), end: iso(hours(new Date(), -1)) });
    expect(past.problems).toEqual(expect.arrayContaining([{ field: 'start', message: 'start must not be in the past' }]));
    const seconds = await book({ spaceId: desk2, start: iso(new Date(start.getTime() + 30_000)), end: iso(hours(start, 1)) });
    expect(seconds.problems).toEqual([{ field: 'start', message: 'start must be a whole minute' }]);
    const backwards = await book({ spaceId: desk2, start: iso(hours(start, 1)), end: iso(start) });
    expect(backwards.problems).toEqual([{ field: 'end', message: 'end must be after start' }]);
    const tooLong = await book({ spaceId: desk2, start: iso(start), end: iso(hours(start, 13)) });
    expect(tooLong.problems).toEqual(expect.arrayContaining([{ field: 'end', message: 'A booking may be at most 12 hours long' }]));
    const crowd = await book({ spaceId: desk2, start: iso(start), end: iso(hours(start, 1)), attendees: 3 });
    expect(crowd.problems).toEqual([{ field: 'attendees', message: 'Desk 2 seats 1' }]);
    // The office opens 09:00 to 17:00 on weekdays: a Saturday, and an evening, are refused.
    const saturday = nextWeekday(6);
    const weekend = await book({ spaceId: officeDesk, start: iso(instantAt(saturday, 10 * 60, 'Europe/London')), end: iso(instantAt(saturday, 11 * 60, 'Europe/London')) });
    expect(weekend.problems).toEqual([{ field: 'start', message: 'Millbrook office is not open for all of that time' }]);
    const monday = nextWeekday(1);
    const evening = await book({ spaceId: officeDesk, start: iso(instantAt(monday, 16 * 60, 'Europe/London')), end: iso(instantAt(monday, 18 * 60, 'Europe/London')) });
    expect(evening.__typename).toBe('BookingInvalid');
    const morning = await book({ spaceId: officeDesk, start: iso(instantAt(monday, 9 * 60, 'Europe/London')), end: iso(instantAt(monday, 12 * 60, 'Europe/London')) });
    expect(morning.__typename).toBe('SpaceBooking');
    expect(await counts(`select count(*)::int as n from hearth.space_booking`)).toBe(before + 1);

    const bad = await api.gql(BOOK, { input: { spaceId: 'not-a-uuid', start: iso(start), end: iso(hours(start, 1)) } }, { token: sam() });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nobody = await api.gql(BOOK, { input: { spaceId: desk2, start: iso(start), end: iso(hours(start, 1)) } }, { token: tokens.user(null, ['consortium-admin']) });
    expect(nobody.errors?.[0]?.extensions?.code).toBe('TENANT_REQUIRED');
  });

  it('answers a clash with the other free desks at that time and the same desk’s free times that day', async () => {
    const start = hoursAhead(72);
    expect((await book({ spaceId: desk2, start: iso(start), end: iso(hours(start, 2)) })).__typename).toBe('SpaceBooking');
    await insertBooking(db.admin, aber.id, desk3, hours(start, 2), hours(start, 3));
    const clash = await book({ spaceId: desk2, start: iso(hours(start, 1)), end: iso(hours(start, 3)) }, ffion());
    expect(clash.__typename).toBe('BookingClash');
    expect(clash.message).toBe('Desk 2 is already booked for some of that time');
    expect(clash.message).not.toContain('Sam');
    const others = clash.alternatives.filter((alt: any) => !alt.sameSpace);
    // Desk 3 is taken for the last of those hours: only Desk 1 is free for all of it.
    expect(others.map((alt: any) => alt.space.name)).toEqual(['Desk 1']);
    const later = clash.alternatives.filter((alt: any) => alt.sameSpace);
    expect(later.length).toBeGreaterThan(0);
    expect(later.map((alt: any) => alt.start)).toContain(iso(hours(start, 2)));
    for (const alt of later) {
      expect(alt.space.id).toBe(desk2);
      expect(new Date(alt.end).getTime() - new Date(alt.start).getTime()).toBe(2 * 3_600_000);
    }
    // An alternative offered is bookable.
    expect((await book({ spaceId: desk2, start: later[0].start, end: later[0].end }, ffion())).__typename).toBe('SpaceBooking');
  });

  it('lets exactly one of many people asking for one desk at once have it; the rest are offered what is free', async () => {
    const start = hoursAhead(96);
    const people = Array.from({ length: 8 }, (_, i) =>
      i % 2 ? tokens.user('aber', ['housing-officer'], { sub: `aber-${i}`, name: `Aber ${i}` }) : tokens.user('cardiff-council', ['guest'], { sub: `council-${i}`, name: `Council ${i}` }),
    );
    const results = await Promise.all(people.map((token) => book({ spaceId: desk3, start: iso(start), end: iso(hours(start, 1)) }, token)));
    expect(results.filter((r) => r.__typename === 'SpaceBooking')).toHaveLength(1);
    const clashes = results.filter((r) => r.__typename === 'BookingClash');
    expect(clashes).toHaveLength(7);
    for (const clash of clashes) expect(clash.alternatives.length).toBeGreaterThan(0);
    expect(await counts(`select count(*)::int as n from hearth.space_booking where space_id = $1 and lower(during) = $2`, [desk3, start])).toBe(1);
  });

  it('finds desks and rooms by kind, size, accessibility and free time', async () => {
    const start = hoursAhead(72);
    const FIND = `query ($filter: BookableSpaceFilter) { bookableSpaces(filter: $filter) { name kind } }`;
    const find = async (filter: Record<string, unknown>) => dataOf(await api.gql(FIND, { filter }, { token: rhian() })).bookableSpaces.map((s: any) => s.name);
    expect(await find({ venueId: hub, kind: 'ROOM', minCapacity: 6 })).toEqual(['Taff room']);
    expect(await find({ venueId: hub, accessibility: ['height-adjustable'] })).toEqual(['Desk 1']);
    // Desk 2 and Desk 3 are taken then, by the bookings of the clash test.
    expect(await find({ venueId: hub, kind: 'DESK', start: iso(hours(start, 2)), end: iso(hours(start, 3)) })).toEqual(['Desk 1']);
  });
});

describe('fair-use quotas', () => {
  beforeAll(async () => {
    await db.admin.query(`insert into hearth.space_quota (organisation_id, hours_per_week, open_bookings_per_person, updated_by) values ($1, 3, 2, 'test')`, [aber.id]);
  });

  it("refuse a person holding too many bookings, and an organisation past its hours, stating the quota and the use", async () => {
    const quotaVenue = await insertVenue(db.admin, 'Quota Hub');
    const desks = await Promise.all(['Q1', 'Q2', 'Q3', 'Q4'].map((name) => insertSpace(db.admin, quotaVenue, name)));
    // A fresh person and week: far enough ahead that nothing else of Aber's counts.
    const monday = addDays(nextWeekday(1), 21);
    const at = (h: number) => instantAt(monday, h * 60, 'Europe/London');
    const gwen = (sub: string) => tokens.user('aber', ['housing-officer'], { sub, name: sub });
    expect((await book({ spaceId: desks[0], start: iso(at(9)), end: iso(at(10)) }, gwen('gwen'))).__typename).toBe('SpaceBooking');
    expect((await book({ spaceId: desks[1], start: iso(at(9)), end: iso(at(10)) }, gwen('gwen'))).__typename).toBe('SpaceBooking');
    const third = await book({ spaceId: desks[2], start: iso(at(9)), end: iso(at(10)) }, gwen('gwen'));
    expect(third).toMatchObject({ __typename: 'BookingQuotaExceeded', quota: 'OPEN_BOOKINGS_PER_PERSON', limit: 2, used: 2, requested: 1 });

    const hoursOver = await book({ spaceId: desks[2], start: iso(at(9)), end: iso(at(11)) }, gwen('dafydd'));
    expect(hoursOver).toMatchObject({ __typename: 'BookingQuotaExceeded', quota: 'HOURS_PER_WEEK', limit: 3, used: 2, requested: 2, weekStarting: monday });
    expect(hoursOver.message).toBe(`Your organisation has booked 2 of its 3 hours in the week starting ${monday}; this booking needs 2 more`);
    expect((await book({ spaceId: desks[2], start: iso(at(9)), end: iso(at(10)) }, gwen('dafydd'))).__typename).toBe('SpaceBooking');

    const status = dataOf(await api.gql(`query ($day: String) { spaceQuota(day: $day) { weekStarting hoursBooked openBookings quota { hoursPerWeek openBookingsPerPerson } } }`, { day: monday }, { token: gwen('gwen') })).spaceQuota;
    expect(status).toEqual({ weekStarting: monday, hoursBooked: 3, openBookings: 2, quota: { hoursPerWeek: 3, openBookingsPerPerson: 2 } });
  });

  it('holds under concurrency: of many bookings at once, only as many as the hours allow succeed', async () => {
    await db.admin.query(`update hearth.space_quota set hours_per_week = 2, open_bookings_per_person = 10 where organisation_id = $1`, [aber.id]);
    const quotaVenue = await insertVenue(db.admin, 'Race Hub');
    const desks = await Promise.all(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].map((name) => insertSpace(db.admin, quotaVenue, name)));
    const monday = addDays(nextWeekday(1), 35);
    const at = (h: number) => instantAt(monday, h * 60, 'Europe/London');
    const results = await Promise.all(
      desks.map((desk, i) => book({ spaceId: desk, start: iso(at(10)), end: iso(at(11)) }, tokens.user('aber', ['housing-officer'], { sub: `racer-${i}`, name: `Racer ${i}` }))),
    );
    expect(results.filter((r) => r.__typename === 'SpaceBooking')).toHaveLength(2);
    expect(results.filter((r) => r.__typename === 'BookingQuotaExceeded')).toHaveLength(4);
  });

  it('are set by consortium admins only', async () => {
    const SET = `mutation ($input: SpaceQuotaInput!) { setSpaceQuota(input: $input) { __typename ... on SpaceQuota { organisationId hoursPerWeek openBookingsPerPerson } ... on ErrorResult { code } } }`;
    const consortium = tokens.user(null, ['consortium-admin'], { sub: 'alex', name: 'Alex Morgan' });
    const set = dataOf(await api.gql(SET, { input: { hoursPerWeek: 25, openBookingsPerPerson: 4 } }, { token: consortium })).setSpaceQuota;
    expect(set).toEqual({ __typename: 'SpaceQuota', organisationId: null, hoursPerWeek: 25, openBookingsPerPerson: 4 });
    const again = dataOf(await api.gql(SET, { input: { hoursPerWeek: 30, openBookingsPerPerson: 4 } }, { token: consortium })).setSpaceQuota;
    expect(again.hoursPerWeek).toBe(30);
    const unknown = dataOf(await api.gql(SET, { input: { organisationId: '00000000-0000-4000-8000-000000000000', hoursPerWeek: 1, openBookingsPerPerson: 1 } }, { token: consortium })).setSpaceQuota;
    expect(unknown.code).toBe('SPACE_QUOTA_ORGANISATION_NOT_FOUND');
    const refused = await api.gql(SET, { input: { hoursPerWeek: 1, openBookingsPerPerson: 1 } }, { token: samsAdmin() });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const all = dataOf(await api.gql(`{ spaceQuotas { organisationName hoursPerWeek } }`, {}, { token: consortium })).spaceQuotas;
    expect(all).toEqual([{ organisationName: null, hoursPerWeek: 30 }, { organisationName: 'Member aber', hoursPerWeek: 2 }]);
    expect(await counts(`select count(*)::int as n from hearth.organisation_audit_log where operation = 'setSpaceQuota'`)).toBe(2);
    // Back to the built-in default, so the tests after this one are not held to it.
    await db.admin.query(`delete from hearth.space_quota where organisation_id is null`);
  });
});

describe('check-in and cancellation', () => {
  it('checks in from 15 minutes before the start to 30 after, and not twice', async () => {
    const soon = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 10 * 60_000);
    const booked = await book({ spaceId: desk1, start: iso(soon), end: iso(hours(soon, 1)) });
    expect(booked.__typename).toBe('SpaceBooking');
    const early = await insertBooking(db.admin, millbrook.id, desk1, hoursAhead(30), hoursAhead(31), { bookedBy: 'sam' });
    const notOpen = dataOf(await api.gql(CHECK_IN, { id: early }, { token: sam() })).checkInSpaceBooking;
    expect(notOpen.__typename).toBe('BookingCheckInNotOpen');
    // Staff of the booker's organisation may check in for them.
    const done = dataOf(await api.gql(CHECK_IN, { id: booked.id }, { token: samsAdmin() })).checkInSpaceBooking;
    expect(done).toMatchObject({ __typename: 'SpaceBooking', status: 'CHECKED_IN' });
    const twice = dataOf(await api.gql(CHECK_IN, { id: booked.id }, { token: sam() })).checkInSpaceBooking;
    expect(twice).toMatchObject({ __typename: 'BookingNotChangeable', code: 'BOOKING_NOT_CHANGEABLE' });
    const other = dataOf(await api.gql(CHECK_IN, { id: booked.id }, { token: ffion() })).checkInSpaceBooking;
    expect(other.__typename).toBe('BookingNotFound');
    expect(await counts(`select count(*)::int as n from hearth.outbox_event where type = 'spaces.booking.checked_in' and aggregate_id = $1`, [booked.id])).toBe(1);
  });

  it('cancels before the start, for the booker or their tenant admin only, and frees the space', async () => {
    const start = hoursAhead(50);
    const booked = await book({ spaceId: desk2, start: iso(start), end: iso(hours(start, 1)) });
    const colleague = tokens.user('millbrook', ['housing-officer'], { sub: 'kim', name: 'Kim' });
    expect(dataOf(await api.gql(CANCEL, { id: booked.id }, { token: colleague })).cancelSpaceBooking.__typename).toBe('BookingNotYours');
    expect(dataOf(await api.gql(CANCEL, { id: booked.id }, { token: samsAdmin() })).cancelSpaceBooking).toMatchObject({ __typename: 'SpaceBooking', status: 'CANCELLED' });
    expect(dataOf(await api.gql(CANCEL, { id: booked.id }, { token: sam() })).cancelSpaceBooking.__typename).toBe('BookingNotChangeable');
    expect(await counts(`select count(*)::int as n from hearth.space_occupancy where booking_id = $1`, [booked.id])).toBe(0);
    expect((await book({ spaceId: desk2, start: iso(start), end: iso(hours(start, 1)) }, rhian())).__typename).toBe('SpaceBooking');

    const started = await insertBooking(db.admin, millbrook.id, desk2, hours(new Date(), -0.5), hours(new Date(), 0.5), { bookedBy: 'sam' });
    const late = dataOf(await api.gql(CANCEL, { id: started }, { token: sam() })).cancelSpaceBooking;
    expect(late).toMatchObject({ __typename: 'BookingNotChangeable', message: 'This booking has started; it can no longer be cancelled' });
  });

  it('lists a person’s upcoming bookings soonest first, and all of them newest first', async () => {
    const upcoming = dataOf(await api.gql(`{ mySpaceBookings(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { start status } } } }`, {}, { token: sam() })).mySpaceBookings;
    const starts = upcoming.edges.map((e: any) => e.node.start);
    expect([...starts].sort()).toEqual(starts);
    expect(upcoming.pageInfo.hasNextPage).toBe(upcoming.totalCount > 2);
    const next = dataOf(await api.gql(`query ($after: String) { mySpaceBookings(first: 2, after: $after) { edges { node { start } } } }`, { after: upcoming.pageInfo.endCursor }, { token: sam() })).mySpaceBookings;
    if (next.edges.length) expect(next.edges[0].node.start >= starts.at(-1)).toBe(true);
    const all = dataOf(await api.gql(`{ mySpaceBookings(upcomingOnly: false, first: 50) { totalCount edges { node { start status } } } }`, {}, { token: sam() })).mySpaceBookings;
    expect(all.totalCount).toBeGreaterThan(upcoming.totalCount);
    expect(all.edges.map((e: any) => e.node.status)).toContain('CANCELLED');
  });
});

/** The next date (after today, UK time) falling on an ISO weekday. */
function nextWeekday(weekday: number): string {
  let day = addDays(localTime(new Date(), 'Europe/London').day, 1);
  while (isoWeekday(day) !== weekday) day = addDays(day, 1);
  return day;
}
