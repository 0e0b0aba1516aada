import { join } from 'node:path';
import { OnboardingService } from '@hearth/consortium-members';
import { createTestDatabase, type TestApi, type TestDatabase } from '@hearth/platform-testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi } from '../../../../api/src/testing';
import { seedDemoData } from '../demo-data';
import { registerDemo } from './register.demo';
import { repairsDemo } from './repairs.demo';

const WORKSPACE = join(__dirname, '../../../../..');
let db: TestDatabase;
let api: TestApi;
// The repairs demo stands on the register's; other modules' steps are theirs to test.
const STEPS = [...registerDemo, repairsDemo];

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

const count = async (sql: string) => Number((await db.admin.query(sql)).rows[0].count);

describe('the repairs demo', () => {
  it("gives Millbrook contractors, repairs in every status and two hazard cases, and adds nothing the second time", async () => {
    const first = await seedDemoData(api.app, STEPS);
    expect(first).toEqual(expect.arrayContaining(['millbrook-homes: 3 contractors', 'millbrook-homes: 12 repairs with their work orders', 'millbrook-homes: 2 hazard cases']));

    const statuses = (await db.admin.query(`select distinct status from hearth.work_order order by status`)).rows.map((row) => row.status);
    expect(statuses).toEqual(['assigned', 'completed', 'in_progress', 'on_hold', 'raised', 'scheduled']);
    expect(await count(`select count(*) from hearth.repair where status = 'reported'`)).toBe(2);
    expect(await count(`select count(*) from hearth.work_order where status not in ('completed', 'inspected', 'cancelled') and target_at < now()`)).toBeGreaterThanOrEqual(2);
    // One case past its investigation deadline, one still running towards it.
    expect(await count(`select count(*) from hearth.hazard_clock where clock = 'investigate' and met_at is null and due_at < now()`)).toBe(1);
    expect(await count(`select count(*) from hearth.hazard_clock where clock = 'investigate' and met_at is null and due_at > now()`)).toBe(1);

    const before = await count(`select count(*) from hearth.audit_log`);
    const second = await seedDemoData(api.app, STEPS);
    expect(second.filter((line) => line.startsWith('millbrook-homes: ') && /contractor|repair|hazard/.test(line))).toEqual([]);
    expect(await count(`select count(*) from hearth.repair`)).toBe(12);
    expect(await count(`select count(*) from hearth.audit_log where operation in ('reportRepair', 'reportHazard')`)).toBeLessThanOrEqual(before);
  }, 120_000);
});
