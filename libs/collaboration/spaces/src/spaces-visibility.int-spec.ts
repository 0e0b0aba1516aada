import { createHash } from 'node:crypto';
import { Client } from 'pg';
import {
  createTestDatabase,
  insertGuestOrganisation,
  insertMember,
  serveModulesForTest,
  TestTokens,
  type TestApi,
  type TestDatabase,
  type TestMember,
} from '@hearth/platform-testing';
import { dataOf, hoursAhead, insertBooking, insertSpace, insertVenue, SPACES_MODULES } from './testing/spaces-fixtures';

/**
 * Who sees and writes what in the shared spaces' tables, proven as hearth_app (the API's role)
 * for member A, member B, a guest organisation, and nobody bound; then through GraphQL.
 */
const tokens = new TestTokens();
let db: TestDatabase;
let app: Client;
let a: TestMember;
let b: TestMember;
let guest: TestMember;
let venue: string;
let desk: string;
let bookingOfA: string;
let bookingOfGuest: string;
const start = hoursAhead(48);
const end = new Date(start.getTime() + 2 * 3_600_000);

type Binding = { member: TestMember } | { guest: TestMember } | 'nobody' | 'consortium';

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  a = await insertMember(db.admin, 'member-a');
  b = await insertMember(db.admin, 'member-b');
  guest = await insertGuestOrganisation(db.admin, 'vale-council');
  venue = await insertVenue(db.admin, 'Cardiff Hub');
  desk = await insertSpace(db.admin, venue, 'Desk 1');
  bookingOfA = await insertBooking(db.admin, a.id, desk, start, end, { bookedBy: 'sam', purpose: 'Tenancy audit' });
  bookingOfGuest = await insertBooking(db.admin, guest.id, desk, end, new Date(end.getTime() + 3_600_000), { bookedBy: 'rhian', purpose: 'Social care review' });
  await db.admin.query(`insert into hearth.space_quota (organisation_id, hours_per_week, open_bookings_per_person, updated_by) values (null, 30, 5, 'test'), ($1, 10, 2, 'test')`, [a.id]);
  await db.admin.query(`insert into hearth.space_calendar_feed (subject, organisation_id, token_hash) values ('sam', $1, $2)`, [a.id, sha256('token-of-sam')]);
  app = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user: 'hearth_app' });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
  await db?.drop();
});

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Runs `fn` as hearth_app in a transaction bound as given, then rolls back. */
async function as<T>(binding: Binding, fn: () => Promise<T>): Promise<T> {
  await app.query('begin');
  try {
    if (binding === 'consortium') await app.query(`select set_config('app.consortium', 'on', true)`);
    else if (binding !== 'nobody' && 'member' in binding) await app.query(`select set_config('app.tenant_id', $1, true)`, [binding.member.id]);
    else if (binding !== 'nobody') await app.query(`select set_config('app.guest_organisation_id', $1, true)`, [binding.guest.id]);
    return await fn();
  } finally {
    await app.query('rollback');
  }
}

const ids = async (binding: Binding, sql: string) => (await as(binding, () => app.query(sql))).rows.map((row) => row.id ?? row.booking_id);

describe('venues and their desks and rooms (SQL as hearth_app)', () => {
  it('are visible to member A, member B, a guest and nobody bound', async () => {
    for (const binding of [{ member: a }, { member: b }, { guest }, 'nobody'] as Binding[]) {
      expect(await ids(binding, `select id from hearth.venue`)).toEqual([venue]);
      expect(await ids(binding, `select id from hearth.bookable_space`)).toEqual([desk]);
    }
  });

  it('are written by the consortium, not by a member or a guest', async () => {
    const rename = `update hearth.venue set name = 'Taken over'`;
    expect((await as({ member: a }, () => app.query(rename))).rowCount).toBe(0);
    expect((await as({ guest }, () => app.query(rename))).rowCount).toBe(0);
    expect((await as('nobody', () => app.query(rename))).rowCount).toBe(0);
    expect((await as('consortium', () => app.query(rename))).rowCount).toBe(1);
    await expect(as({ member: a }, () => app.query(`insert into hearth.venue (name, address, postcode) values ('Mine now', 'x', 'CF1 1AA')`))).rejects.toThrow(/row-level security/);
    await expect(as({ member: a }, () => app.query(`update hearth.bookable_space set capacity = 1, name = 'X'`)).then((r) => r.rowCount)).resolves.toBe(0);
  });

  it('lets a member run a venue of its own, and nobody else change it', async () => {
    await as({ member: a }, async () => {
      const { rows } = await app.query(`insert into hearth.venue (organisation_id, name, address, postcode) values ($1, 'A’s office', 'x', 'CF1 1AA') returning id`, [a.id]);
      await app.query(`insert into hearth.bookable_space (venue_id, kind, name, capacity) values ($1, 'room', 'Board room', 8)`, [rows[0].id]);
      expect((await app.query(`update hearth.venue set active = false where id = $1`, [rows[0].id])).rowCount).toBe(1);
    });
    await expect(as({ member: a }, () => app.query(`insert into hearth.venue (organisation_id, name, address, postcode) values ($1, 'B’s now', 'x', 'CF1 1AA')`, [b.id]))).rejects.toThrow(/row-level security/);
    await expect(as({ member: b }, () => app.query(`insert into hearth.bookable_space (venue_id, kind, name, capacity) values ($1, 'desk', 'Sneaky desk', 1)`, [venue]))).rejects.toThrow(/row-level security/);
    // A guest is never a venue's operator: its id is no member's.
    await expect(as({ guest }, () => app.query(`insert into hearth.venue (organisation_id, name, address, postcode) values ($1, 'Council hub', 'x', 'CF1 1AA')`, [guest.id]))).rejects.toThrow(/foreign key/);
  });
});

describe('bookings (SQL as hearth_app)', () => {
  it("are seen only by their own organisation: member's and guest's alike", async () => {
    expect(await ids({ member: a }, `select id from hearth.space_booking`)).toEqual([bookingOfA]);
    expect(await ids({ member: b }, `select id from hearth.space_booking`)).toEqual([]);
    expect(await ids({ guest }, `select id from hearth.space_booking`)).toEqual([bookingOfGuest]);
    expect(await ids('nobody', `select id from hearth.space_booking`)).toEqual([]);
  });

  it('are read and released across organisations only in consortium mode', async () => {
    expect((await ids('consortium', `select id from hearth.space_booking`)).sort()).toEqual([bookingOfA, bookingOfGuest].sort());
  });

  it("cannot be made in another organisation's name, changed by another, or deleted by anyone", async () => {
    const insert = (organisation: string) =>
      app.query(
        `insert into hearth.space_booking (organisation_id, space_id, booked_by, booked_by_name, during) values ($1, $2, 'x', 'X', tstzrange(now() + interval '9 days', now() + interval '9 days 1 hour'))`,
        [organisation, desk],
      );
    await expect(as({ member: b }, () => insert(a.id))).rejects.toThrow(/row-level security/);
    await expect(as({ guest }, () => insert(b.id))).rejects.toThrow(/row-level security/);
    await expect(as('nobody', () => insert(a.id))).rejects.toThrow(/row-level security/);
    expect((await as({ member: b }, () => app.query(`update hearth.space_booking set status = 'cancelled'`))).rowCount).toBe(0);
    expect((await as({ member: a }, () => app.query(`delete from hearth.space_booking`))).rowCount).toBe(0);
  });

  it('refuses two bookings holding one space at once, even when the first is invisible', async () => {
    await expect(
      as({ member: b }, () =>
        app.query(`insert into hearth.space_booking (organisation_id, space_id, booked_by, booked_by_name, during) values ($1, $2, 'x', 'X', tstzrange($3, $4))`, [
          b.id, desk, new Date(start.getTime() + 1_800_000), end,
        ]),
      ),
    ).rejects.toThrow(/space_booking_no_overlap/);
  });
});

describe('occupancy (SQL as hearth_app)', () => {
  it('tells everyone that the space is taken and when, and nothing of who or why', async () => {
    for (const binding of [{ member: a }, { member: b }, { guest }, 'nobody'] as Binding[]) {
      const { rows } = await as(binding, () => app.query(`select * from hearth.space_occupancy order by lower(during)`));
      expect(rows.map((row) => row.booking_id)).toEqual([bookingOfA, bookingOfGuest]);
      expect(Object.keys(rows[0]).sort()).toEqual(['booking_id', 'during', 'space_id']);
    }
  });

  it('follows its booking: freed on cancellation, and never written by hand', async () => {
    await as({ member: a }, async () => {
      await app.query(`update hearth.space_booking set status = 'cancelled', cancelled_at = now() where id = $1`, [bookingOfA]);
      const { rows } = await app.query(`select booking_id from hearth.space_occupancy`);
      expect(rows.map((row) => row.booking_id)).toEqual([bookingOfGuest]);
    });
    // Faking a booking that does not exist, or hiding one that does, is refused.
    await expect(as({ member: b }, () => app.query(`insert into hearth.space_occupancy (booking_id, space_id, during) values ($1, $2, tstzrange(now(), now() + interval '1 hour'))`, [bookingOfA, desk]))).rejects.toThrow(/row-level security/);
    expect((await as({ member: b }, () => app.query(`delete from hearth.space_occupancy`))).rowCount).toBe(0);
    expect((await as({ member: a }, () => app.query(`delete from hearth.space_occupancy where booking_id = $1`, [bookingOfA]))).rowCount).toBe(0);
  });
});

describe('quotas and calendar feeds (SQL as hearth_app)', () => {
  it("show the default to everyone and an organisation's own quota to it alone; only the consortium sets them", async () => {
    const quotas = async (binding: Binding) => (await as(binding, () => app.query(`select organisation_id from hearth.space_quota order by organisation_id nulls first`))).rows.map((r) => r.organisation_id);
    expect(await quotas({ member: a })).toEqual([null, a.id]);
    expect(await quotas({ member: b })).toEqual([null]);
    expect(await quotas({ guest })).toEqual([null]);
    expect((await as({ member: a }, () => app.query(`update hearth.space_quota set hours_per_week = 168`))).rowCount).toBe(0);
    expect((await as('consortium', () => app.query(`update hearth.space_quota set hours_per_week = 168`))).rowCount).toBe(2);
  });

  it("keep a person's feed to their organisation, and show a feed request the one row its token hashes to", async () => {
    expect(await ids({ member: a }, `select subject as id from hearth.space_calendar_feed`)).toEqual(['sam']);
    expect(await ids({ member: b }, `select subject as id from hearth.space_calendar_feed`)).toEqual([]);
    expect(await ids({ guest }, `select subject as id from hearth.space_calendar_feed`)).toEqual([]);
    expect(await ids('nobody', `select subject as id from hearth.space_calendar_feed`)).toEqual([]);
    const presented = (token: string) =>
      as('nobody', async () => {
        await app.query(`select set_config('app.space_calendar_feed', $1, true)`, [token]);
        return (await app.query(`select subject from hearth.space_calendar_feed`)).rows.map((r) => r.subject);
      });
    expect(await presented('token-of-sam')).toEqual(['sam']);
    expect(await presented('a guess')).toEqual([]);
  });
});

describe('through GraphQL', () => {
  let api: TestApi;
  const sam = () => tokens.user('member-a', ['housing-officer'], { sub: 'sam', name: 'Sam Patel' });
  const bea = () => tokens.user('member-b', ['tenant-admin'], { sub: 'bea', name: 'Bea Jones' });
  const rhian = (roles = ['guest']) => tokens.user('vale-council', roles, { sub: 'rhian', name: 'Rhian Lloyd' });
  const AVAILABILITY = `query ($venueId: ID!, $date: String!) { spaceAvailability(venueId: $venueId, date: $date) {
    spaces { space { name } taken { start end mine bookingId } } } }`;
  const day = start.toISOString().slice(0, 10);

  beforeAll(async () => {
    api = await serveModulesForTest(db.config, SPACES_MODULES);
  });

  afterAll(() => api?.close());

  it("shows another organisation's booking as taken, never whose, and one's own as one's own", async () => {
    const takenFor = async (token: string) =>
      dataOf(await api.gql(AVAILABILITY, { venueId: venue, date: day }, { token })).spaceAvailability.spaces[0].taken as { mine: boolean; bookingId: string | null }[];
    expect(await takenFor(sam())).toEqual(expect.arrayContaining([expect.objectContaining({ mine: true, bookingId: bookingOfA })]));
    const ofB = await takenFor(bea());
    expect(ofB.length).toBeGreaterThan(0);
    expect(ofB.every((slot) => !slot.mine && slot.bookingId === null)).toBe(true);
    expect(await takenFor(rhian())).toEqual(expect.arrayContaining([expect.objectContaining({ mine: false, bookingId: null })]));
  });

  it("gives nobody another organisation's booking, to read or to cancel", async () => {
    const read = await api.gql(`query ($id: ID!) { spaceBooking(id: $id) { id purpose } }`, { id: bookingOfA }, { token: bea() });
    expect(dataOf(read).spaceBooking).toBeNull();
    const guestRead = await api.gql(`query ($id: ID!) { spaceBooking(id: $id) { id purpose } }`, { id: bookingOfA }, { token: rhian() });
    expect(dataOf(guestRead).spaceBooking).toBeNull();
    const cancel = await api.gql(`mutation ($id: ID!) { cancelSpaceBooking(id: $id) { __typename ... on ErrorResult { code } } }`, { id: bookingOfA }, { token: bea() });
    expect(dataOf(cancel).cancelSpaceBooking).toEqual({ __typename: 'BookingNotFound', code: 'BOOKING_NOT_FOUND' });
    const { rows } = await db.admin.query(`select status from hearth.space_booking where id = $1`, [bookingOfA]);
    expect(rows[0].status).toBe('booked');
  });

  it('lets a guest see venues and its own bookings, and nothing of any member’s data or housing modules', async () => {
    const venues = dataOf(await api.gql(`{ venues { totalCount edges { node { name spaces { name } } } } }`, {}, { token: rhian() })).venues;
    expect(venues.edges[0].node).toEqual({ name: 'Cardiff Hub', spaces: [{ name: 'Desk 1' }] });
    const mine = dataOf(await api.gql(`{ mySpaceBookings(upcomingOnly: true) { edges { node { id purpose } } } }`, {}, { token: rhian() })).mySpaceBookings;
    expect(mine.edges.map((e: any) => e.node)).toEqual([{ id: bookingOfGuest, purpose: 'Social care review' }]);
    const saveVenue = await api.gql(
      `mutation { saveVenue(input: { name: "Council hub", address: "x", postcode: "CF10 1AA", openingHours: [] }) { __typename } }`,
      {},
      { token: rhian(['guest', 'tenant-admin']) },
    );
    // Even a token that wrongly claims tenant-admin binds the guest, who runs no venue.
    expect(saveVenue.errors?.[0]?.extensions?.code).toBe('TENANT_REQUIRED');
    const guards = await api.gql(`{ guestOrganisations { totalCount } }`, {}, { token: rhian() });
    expect(guards.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("answers a member's staff with their own bookings only", async () => {
    const mine = dataOf(await api.gql(`{ mySpaceBookings { edges { node { id purpose } } } }`, {}, { token: sam() })).mySpaceBookings;
    expect(mine.edges.map((e: any) => e.node)).toEqual([{ id: bookingOfA, purpose: 'Tenancy audit' }]);
    const ofB = dataOf(await api.gql(`{ mySpaceBookings { totalCount } }`, {}, { token: bea() })).mySpaceBookings;
    expect(ofB.totalCount).toBe(0);
  });
});
