import { randomBytes } from 'node:crypto';
import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { hearthContext, Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { HearthModule, type DeliveredEvent, type EventHandler } from '@hearth/platform-kernel';
import { EVENTS_QUEUE, OutboxRelay } from '@hearth/platform-jobs';
import { INSTALLED_MODULES } from '@hearth/distribution';
import { createTestDatabase, insertMember, TestTokens, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startWorker } from './bootstrap';

/** Records what it receives, and in which member context it ran. */
@Injectable()
class RecordingHandler implements EventHandler {
  static received: Array<{ event: DeliveredEvent; boundTenant: string | undefined }> = [];
  async handle(event: DeliveredEvent): Promise<void> {
    RecordingHandler.received.push({ event, boundTenant: hearthContext.require().tenantId });
  }
}

@HearthModule({
  key: 'recorder',
  name: 'Recorder',
  description: 'Test module that records test.thing.happened events.',
  version: '0.0.0',
  events: { handles: { 'test.thing.happened': RecordingHandler } },
})
class RecorderModule {}

const tokens = new TestTokens();
const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let worker: INestApplicationContext;
let on: TestMember;
let off: TestMember;

beforeAll(async () => {
  db = await createTestDatabase({ ...tokens.env, REDIS_PREFIX: prefix });
  on = await insertMember(db.admin, 'recording', { recorder: {} });
  off = await insertMember(db.admin, 'not-recording');
  worker = await startWorker(db.config, [...INSTALLED_MODULES, RecorderModule]);
});

afterAll(async () => {
  await worker?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

beforeEach(() => {
  RecordingHandler.received = [];
});

async function publish(tenantId: string, count: number): Promise<string[]> {
  const transactions = worker.get(TransactionManager);
  const outbox = worker.get(Outbox);
  return transactions.run({ actor: systemActor('test'), tenantId }, async () => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push(await outbox.publish({ type: 'test.thing.happened', aggregateType: 'thing', aggregateId: `t${i}`, payload: { i } }));
    }
    return ids;
  });
}

async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the worker');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it('delivers each committed event once, to the module that handles it, in the member context', async () => {
  const ids = await publish(on.id, 3);
  await until(() => RecordingHandler.received.length >= 3);
  expect(RecordingHandler.received.map((r) => r.event.id).sort()).toEqual([...ids].sort());
  expect(RecordingHandler.received.every((r) => r.boundTenant === on.id && r.event.tenantId === on.id)).toBe(true);
  const { rows } = await db.admin.query('select count(*)::int as n from hearth.outbox_event where relayed_at is null');
  expect(rows[0].n).toBe(0);
});

it('does not deliver to a module the member has switched off', async () => {
  const [id] = await publish(off.id, 1);
  await until(() => false, 300).catch(() => undefined);
  const { rows } = await db.admin.query('select relayed_at from hearth.outbox_event where id = $1', [id]);
  expect(rows[0].relayed_at).not.toBeNull();
  expect(RecordingHandler.received).toEqual([]);
});

it('events rolled back with their change are never relayed', async () => {
  const transactions = worker.get(TransactionManager);
  await expect(
    transactions.run({ actor: systemActor('test'), tenantId: on.id }, async () => {
      await worker.get(Outbox).publish({ type: 'test.thing.happened', aggregateType: 'thing', aggregateId: 'x', payload: {} });
      throw new Error('the change failed');
    }),
  ).rejects.toThrow('the change failed');
  const { rows } = await db.admin.query(`select count(*)::int as n from hearth.outbox_event where aggregate_id = 'x'`);
  expect(rows[0].n).toBe(0);
});

it('a relay that dies after enqueueing but before marking duplicates nothing', async () => {
  const relay = worker.get(OutboxRelay);
  // The worker's own relay would race this test for the rows (they are claimed with SKIP LOCKED).
  await relay.stop();
  const transactions = worker.get(TransactionManager);
  const connection = new IORedis(db.config.redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection, prefix });
  await queue.pause(); // hold deliveries so the queue can be counted
  try {
    const realQuery = transactions.query.bind(transactions);
    const crash = jest.spyOn(transactions, 'query').mockImplementation(async (sql: string, params?: unknown[]) => {
      if (sql.includes('outbox_mark_relayed')) throw new Error('worker killed');
      return realQuery(sql, params);
    });
    const ids = await publish(on.id, 2);
    await expect(relay.relayOnce()).rejects.toThrow('worker killed');
    crash.mockRestore();
    expect(await relay.drain()).toBe(2);
    const { rows } = await db.admin.query('select count(*)::int as n from hearth.outbox_event where id = any($1) and relayed_at is not null', [ids]);
    expect(rows[0].n).toBe(2);
    for (const id of ids) expect(await queue.getJob(id)).toBeDefined();
    await queue.resume();
    await until(() => RecordingHandler.received.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(RecordingHandler.received.map((r) => r.event.id).sort()).toEqual([...ids].sort());
  } finally {
    await queue.close();
    await connection.quit();
  }
});
