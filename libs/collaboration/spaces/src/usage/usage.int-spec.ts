import { createTestDatabase, insertGuestOrganisation, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { dataOf, insertBooking, insertSpace, insertVenue, SPACES_MODULES } from '../testing/spaces-fixtures';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;
let council: TestMember;

const REPORT = `query ($from: String!, $to: String!) { spaceUsageReport(from: $from, to: $to) {
  allOrganisations
  organisations { organisationName organisationKind bookings hoursBooked hoursUsed noShows cancellations shareOfHoursUsed }
  rows { organisationName venueName bookings hoursBooked hoursUsed noShows } } }`;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook');
  aber = await insertMember(db.admin, 'aber');
  council = await insertGuestOrganisation(db.admin, 'cardiff-council');
  const cardiff = await insertVenue(db.admin, 'Cardiff Hub');
  const swansea = await insertVenue(db.admin, 'Swansea Hub');
  const [c1, c2, s1] = [await insertSpace(db.admin, cardiff, 'C1'), await insertSpace(db.admin, cardiff, 'C2'), await insertSpace(db.admin, swansea, 'S1')];
  // November 2026: Millbrook used 3 h and missed 1 h in Cardiff, and used 2 h in Swansea; Aber cancelled; the council used 1 h.
  await insertBooking(db.admin, millbrook.id, c1, at('2026-11-02T09:00Z'), at('2026-11-02T12:00Z'), { status: 'checked_in' });
  await insertBooking(db.admin, millbrook.id, c1, at('2026-11-03T09:00Z'), at('2026-11-03T10:00Z'), { status: 'released' });
  await insertBooking(db.admin, millbrook.id, s1, at('2026-11-04T09:00Z'), at('2026-11-04T11:00Z'), { status: 'checked_in' });
  await insertBooking(db.admin, aber.id, c2, at('2026-11-02T09:00Z'), at('2026-11-02T10:00Z'), { status: 'cancelled' });
  await insertBooking(db.admin, council.id, c2, at('2026-11-05T13:00Z'), at('2026-11-05T14:00Z'), { status: 'checked_in' });
  // Outside the period: 1 December, UK time, begins at 00:00Z.
  await insertBooking(db.admin, council.id, c2, at('2026-12-01T00:00Z'), at('2026-12-01T01:00Z'), { status: 'checked_in' });
  api = await serveModulesForTest(db.config, SPACES_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('the usage report', () => {
  it('gives consortium admins every organisation, members and guests, for sharing costs', async () => {
    const report = dataOf(await api.gql(REPORT, { from: '2026-11-01', to: '2026-11-30' }, { token: tokens.user(null, ['consortium-admin']) })).spaceUsageReport;
    expect(report.allOrganisations).toBe(true);
    expect(report.organisations).toEqual([
      { organisationName: 'Member millbrook', organisationKind: 'MEMBER', bookings: 3, hoursBooked: 6, hoursUsed: 5, noShows: 1, cancellations: 0, shareOfHoursUsed: 0.8333 },
      { organisationName: 'Guest cardiff-council', organisationKind: 'GUEST', bookings: 1, hoursBooked: 1, hoursUsed: 1, noShows: 0, cancellations: 0, shareOfHoursUsed: 0.1667 },
      { organisationName: 'Member aber', organisationKind: 'MEMBER', bookings: 0, hoursBooked: 0, hoursUsed: 0, noShows: 0, cancellations: 1, shareOfHoursUsed: 0 },
    ]);
    expect(report.rows).toEqual([
      { organisationName: 'Guest cardiff-council', venueName: 'Cardiff Hub', bookings: 1, hoursBooked: 1, hoursUsed: 1, noShows: 0 },
      { organisationName: 'Member aber', venueName: 'Cardiff Hub', bookings: 0, hoursBooked: 0, hoursUsed: 0, noShows: 0 },
      { organisationName: 'Member millbrook', venueName: 'Cardiff Hub', bookings: 2, hoursBooked: 4, hoursUsed: 3, noShows: 1 },
      { organisationName: 'Member millbrook', venueName: 'Swansea Hub', bookings: 1, hoursBooked: 2, hoursUsed: 2, noShows: 0 },
    ]);
  });

  it("gives a member's staff, and a guest's, their own organisation's row only", async () => {
    const ofMillbrook = dataOf(await api.gql(REPORT, { from: '2026-11-01', to: '2026-11-30' }, { token: tokens.user('millbrook', ['housing-officer']) })).spaceUsageReport;
    expect(ofMillbrook.allOrganisations).toBe(false);
    expect(ofMillbrook.organisations.map((o: any) => o.organisationName)).toEqual(['Member millbrook']);
    const ofCouncil = dataOf(await api.gql(REPORT, { from: '2026-11-01', to: '2026-11-30' }, { token: tokens.user('cardiff-council', ['guest']) })).spaceUsageReport;
    expect(ofCouncil.organisations).toEqual([expect.objectContaining({ organisationName: 'Guest cardiff-council', hoursUsed: 1, shareOfHoursUsed: 1 })]);
  });

  it('refuses a period that is not one', async () => {
    const backwards = await api.gql(REPORT, { from: '2026-11-30', to: '2026-11-01' }, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(backwards.errors?.[0]).toMatchObject({ message: 'to must not be before from', extensions: { code: 'BAD_USER_INPUT' } });
    const unreal = await api.gql(REPORT, { from: '2026-02-30', to: '2026-03-01' }, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(unreal.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
