import { randomBytes } from 'node:crypto';
import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { hearthContext } from '@hearth/platform-database';
import { HearthModule, HearthPlatformModule, type ScheduledTask } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { JobsModule } from './jobs.module';
import { ScheduledJobs, schedulerId } from './scheduled-jobs';

/** Records the member each run was bound to. */
@Injectable()
class TickTask implements ScheduledTask {
  static runs: Array<{ tenantId: string | undefined; actor: string | undefined }> = [];
  async run(): Promise<string> {
    const context = hearthContext.require();
    TickTask.runs.push({ tenantId: context.tenantId, actor: context.actor?.id });
    return 'ticked';
  }
}

@HearthModule({
  key: 'ticker',
  name: 'Ticker',
  description: 'Test module with a schedule.',
  version: '0.0.0',
  schedules: [{ key: 'tick', description: 'Ticks.', every: 300, task: TickTask }],
})
class TickerModule {}

const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let app: INestApplicationContext;
let jobs: ScheduledJobs;
let on: TestMember;
let off: TestMember;

beforeAll(async () => {
  db = await createTestDatabase({ REDIS_PREFIX: prefix });
  on = await insertMember(db.admin, 'ticking', { ticker: {} });
  off = await insertMember(db.admin, 'not-ticking');
  app = await NestFactory.createApplicationContext(
    { module: class SchedulesTestModule {}, imports: [HearthPlatformModule.forRoot({ config: db.config, modules: [TickerModule], process: 'worker' }), JobsModule] },
    { logger: false },
  );
  app.enableShutdownHooks();
  jobs = app.get(ScheduledJobs);
});

afterAll(async () => {
  await app?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

beforeEach(() => {
  TickTask.runs = [];
});

const setEnabled = (member: TestMember, enabled: boolean) =>
  db.admin.query(
    `insert into hearth.tenant_module (tenant_id, module_key, enabled) values ($1, 'ticker', $2)
     on conflict (tenant_id, module_key) do update set enabled = excluded.enabled`,
    [member.id, enabled],
  );

async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the scheduler');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('ScheduledJobs.sync', () => {
  it('gives a member with the module on a scheduler of its own, and none to a member without it', async () => {
    const { added } = await jobs.sync();
    expect(added).toEqual([schedulerId('ticker.tick', on.id)]);
    expect(await jobs.schedulers()).toEqual(new Map([[schedulerId('ticker.tick', on.id), { name: 'ticker.tick', every: 300 }]]));
  });

  it('changes nothing when nothing changed', async () => {
    await jobs.sync();
    expect(await jobs.sync()).toEqual({ added: [], removed: [] });
  });

  it('picks up a member that switched the module on, and removes the scheduler of one that switched it off', async () => {
    await jobs.sync();
    await setEnabled(off, true);
    await setEnabled(on, false);
    expect(await jobs.sync()).toEqual({ added: [schedulerId('ticker.tick', off.id)], removed: [schedulerId('ticker.tick', on.id)] });
    expect([...(await jobs.schedulers()).keys()]).toEqual([schedulerId('ticker.tick', off.id)]);
    await setEnabled(off, false);
    await setEnabled(on, true);
    await jobs.sync();
  });

  it('drops the schedulers of a suspended member', async () => {
    await jobs.sync();
    await db.admin.query(`update hearth.tenant set status = 'suspended' where id = $1`, [on.id]);
    try {
      expect((await jobs.sync()).removed).toEqual([schedulerId('ticker.tick', on.id)]);
    } finally {
      await db.admin.query(`update hearth.tenant set status = 'active' where id = $1`, [on.id]);
      await jobs.sync();
    }
  });
});

describe('ScheduledJobs.runScheduled', () => {
  it("runs the task in the member's unit of work as the system", async () => {
    expect(await jobs.runScheduled('ticker.tick', on.id)).toEqual({ ran: true, result: 'ticked' });
    expect(TickTask.runs).toEqual([{ tenantId: on.id, actor: 'schedule:ticker.tick' }]);
  });

  it('does not run for a member who has since switched the module off', async () => {
    expect(await jobs.runScheduled('ticker.tick', off.id)).toEqual({ ran: false, reason: 'the ticker module is off for this member' });
    expect(TickTask.runs).toEqual([]);
  });

  it('does not run a schedule no module declares', async () => {
    expect(await jobs.runScheduled('ticker.nothing', on.id)).toEqual({ ran: false, reason: 'no module declares the schedule ticker.nothing' });
  });
});

describe('ScheduledJobs.start', () => {
  it('runs each member schedule repeatedly through the queue, only for members with the module on', async () => {
    await jobs.start(2);
    await until(() => TickTask.runs.length >= 3);
    expect(new Set(TickTask.runs.map((run) => run.tenantId))).toEqual(new Set([on.id]));
    expect((await jobs.schedulers()).has('hearth.sync-schedules')).toBe(true);
  });
});
