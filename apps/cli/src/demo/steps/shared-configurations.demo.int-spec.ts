import { join } from 'node:path';
import { OnboardingService } from '@hearth/consortium-members';
import { createTestDatabase, type TestApi, type TestDatabase } from '@hearth/platform-testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi } from '../../../../api/src/testing';
import { seedDemoData } from '../demo-data';
import { registerDemo } from './register.demo';
import { sharedConfigurationsDemo } from './shared-configurations.demo';

const WORKSPACE = join(__dirname, '../../../../..');
let db: TestDatabase;
let api: TestApi;
// The library stands on the register's schedule of rates; the rest is the members' settings.
const STEPS = [...registerDemo, sharedConfigurationsDemo];

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

describe('the shared configurations demo', () => {
  it("publishes Millbrook's priorities, schedule of rates, first reminder and recovery plan, and nothing the second time", async () => {
    const first = await seedDemoData(api.app, STEPS);
    expect(first.filter((line) => line.includes('shared configuration'))).toEqual([
      'millbrook-homes: shared configuration "Repairs priorities and targets" v1.0',
      'millbrook-homes: shared configuration "Schedule of rates for everyday repairs" v2.1',
      'millbrook-homes: shared configuration "Friendly first arrears reminder" v1.0',
      'millbrook-homes: shared configuration "Three-stage arrears recovery" v1.0',
    ]);
    const { rows } = await db.admin.query(`select kind, jsonb_array_length(content -> 'codes') as codes from hearth.shared_configuration order by published_at`);
    expect(rows.map((row) => row.kind)).toEqual(['repair-priorities', 'sor-set', 'letter-template', 'arrears-stage-plan']);
    expect(rows[1].codes).toBeGreaterThan(10);

    const second = await seedDemoData(api.app, STEPS);
    expect(second.filter((line) => line.includes('shared configuration'))).toEqual([]);
  }, 120_000);
});
