import { join } from 'node:path';
import { OnboardingService } from '@hearth/consortium-members';
import { createTestDatabase, insertGuestOrganisation, type TestApi, type TestDatabase } from '@hearth/platform-testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi } from '../../../../api/src/testing';
import { seedDemoData } from '../demo-data';
import { unconferencesDemo } from './unconferences.demo';

const WORKSPACE = join(__dirname, '../../../../..');
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startTestApi(db.config);
  const onboarding = await api.app.get(OnboardingService).applyDirectory(join(WORKSPACE, 'tenants'));
  if (onboarding.status !== 'applied') throw new Error(`tenants/ did not apply: ${JSON.stringify(onboarding)}`);
  await insertGuestOrganisation(db.admin, 'cardiff-council');
}, 120_000);

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const rows = async (sql: string) => (await db.admin.query(sql)).rows;

describe('the unconferences demo', () => {
  it('adds a published event with its timetable and notes and one open for votes, from every organisation, once', async () => {
    const first = await seedDemoData(api.app, [unconferencesDemo]);
    expect(first).toEqual(['aber-housing: unconference "Housing Camp Cymru"', 'millbrook-homes: unconference "Working Together Day"']);
    expect(await rows(`select title, status from hearth.unconference order by title`)).toEqual([
      { title: 'Housing Camp Cymru', status: 'voting_open' },
      { title: 'Working Together Day', status: 'published' },
    ]);
    const [day] = await rows(`select id from hearth.unconference where title = 'Working Together Day'`);
    // Nine proposals for nine places, but Tom and Megan each host or co-host three: the scheduler
    // may have to leave one out rather than put someone in two places (which one depends on ties).
    const [placed] = await rows(`select (select count(*)::int from hearth.scheduled_session where unconference_id = '${day.id}') as scheduled,
                                        jsonb_array_length(unscheduled) as unscheduled from hearth.unconference where id = '${day.id}'`);
    expect(placed.scheduled + placed.unscheduled).toBe(9);
    expect(placed.scheduled).toBeGreaterThanOrEqual(7);
    expect((await rows(`select count(*)::int as n from hearth.session_note`))[0].n).toBe(2);
    // People of every member and the guest organisation take part.
    const organisations = await rows(`select count(distinct organisation_id)::int as n from hearth.unconference_participant`);
    expect(organisations[0].n).toBe(4);
    expect((await rows(`select sum(vote_count)::int as n from hearth.session_proposal`))[0].n).toBe(26);

    const second = await seedDemoData(api.app, [unconferencesDemo]);
    expect(second).toEqual([]);
    expect((await rows(`select count(*)::int as n from hearth.unconference`))[0].n).toBe(2);
  }, 120_000);
});
