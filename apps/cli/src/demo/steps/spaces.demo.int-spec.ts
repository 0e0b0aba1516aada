import { join } from 'node:path';
import { OnboardingService } from '@hearth/consortium-members';
import { createTestDatabase, type TestApi, type TestDatabase } from '@hearth/platform-testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi } from '../../../../api/src/testing';
import { seedDemoData } from '../demo-data';
import { spacesDemo } from './spaces.demo';

const WORKSPACE = join(__dirname, '../../../../..');
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startTestApi(db.config);
  const onboarding = await api.app.get(OnboardingService).applyDirectory(join(WORKSPACE, 'tenants'));
  if (onboarding.status !== 'applied') throw new Error(`tenants/ did not apply: ${JSON.stringify(onboarding)}`);
}, 120_000);

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const rows = async (sql: string) => (await db.admin.query(sql)).rows;

describe('the shared spaces demo', () => {
  it('invites the guest council, opens the venues, and books for every organisation in its own name, once', async () => {
    const first = await seedDemoData(api.app, [spacesDemo]);
    expect(first).toEqual(expect.arrayContaining([
      'aber-housing: guest organisation Cardiff Council',
      'aber-housing: venue Cardiff Collaboration Hub with 8 desks and rooms',
      'aber-housing: 6 bookings of desks and rooms',
      'aber-housing: Cardiff Council: 5 bookings of desks and rooms',
      'millbrook-homes: 5 bookings of desks and rooms',
      'thistle-housing: 2 bookings of desks and rooms',
    ]));
    expect(await rows(`select slug, kind, status from hearth.guest_organisation`)).toEqual([{ slug: 'cardiff-council', kind: 'council', status: 'active' }]);
    expect(await rows(`select v.name, t.slug as operator from hearth.venue v left join hearth.tenant t on t.id = v.organisation_id order by v.name`)).toEqual([
      { name: 'Aber Housing, Aberystwyth office', operator: 'aber-housing' },
      { name: 'Cardiff Collaboration Hub', operator: null },
      { name: 'Swansea Waterfront Hub', operator: null },
    ]);
    const byOrganisation = await rows(`
      select coalesce(t.slug, g.slug) as organisation, count(*)::int as bookings, count(*) filter (where b.status = 'booked')::int as coming
      from hearth.space_booking b left join hearth.tenant t on t.id = b.organisation_id left join hearth.guest_organisation g on g.id = b.organisation_id
      group by 1 order by 1`);
    expect(byOrganisation).toEqual([
      { organisation: 'aber-housing', bookings: 6, coming: 3 },
      { organisation: 'cardiff-council', bookings: 5, coming: 2 },
      { organisation: 'millbrook-homes', bookings: 5, coming: 2 },
      { organisation: 'thistle-housing', bookings: 2, coming: 1 },
    ]);
    // Bookings booked or checked in hold their spaces; cancelled and released ones do not.
    expect((await rows(`select count(*)::int as n from hearth.space_occupancy`))[0].n).toBe(15);

    expect(await seedDemoData(api.app, [spacesDemo])).toEqual([]);
    expect((await rows(`select count(*)::int as n from hearth.space_booking`))[0].n).toBe(18);
  }, 120_000);
});
