import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { verifyWebhook } from './signature';
import { WebhooksModule } from './webhooks.module';
import { ProbeModule } from './testing/probe.module';
import { TestReceiver, until } from './testing/receiver';

/**
 * The promise under the worst failure: a worker process killed with SIGKILL while deliveries are
 * in flight, then another started. The receiver, deduplicating by webhook-id as the contract
 * says, sees every event exactly once, and each resource's events in order.
 */
const WORKSPACE = join(__dirname, '../../../..');
const tokens = new TestTokens();
const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
const ENV = { WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOKS_RETRY_SCHEDULE_MS: '0,100,200,300,400,500,600,700' };
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let receiver: TestReceiver;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ ...tokens.env, REDIS_PREFIX: prefix, ...ENV });
  member = await insertMember(db.admin, 'killed');
  api = await serveModulesForTest(db.config, [ProbeModule, WebhooksModule]);
  receiver = await new TestReceiver().start();
}, 60_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await receiver?.close();
  await api?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ['-r', '@swc-node/register', 'libs/integrations/webhooks/src/testing/webhook-worker.ts'], {
    cwd: WORKSPACE,
    env: { ...process.env, HEARTH_ENV: 'test', LOG_LEVEL: 'silent', DB_NAME: db.name, REDIS_PREFIX: prefix, SWEEP_MEMBER_ID: member.id, ...tokens.env, ...ENV },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(worker);
  return worker;
}

const THINGS = ['k1', 'k2', 'k3', 'k4', 'k5'];
const PER_THING = 8;

it('a worker killed with SIGKILL mid-delivery: the next one finishes, and the receiver sees every event once, in order per resource', async () => {
  const path = '/slow';
  // Each answer takes a while, so the kill lands with requests in flight.
  receiver.on(path, () => ({ status: 200, delayMs: 150 }));
  const created = await api.gql(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ... on WebhookEndpointCreated { secret endpoint { id } } } }`,
    { input: { url: `${receiver.url}${path}`, eventTypes: ['probe.thing.created', 'probe.thing.changed'] } },
    { token: tokens.user(member.slug, ['tenant-admin']) },
  );
  const { secret } = created.data!.createWebhookEndpoint;

  const transactions = api.app.get(TransactionManager);
  const outbox = api.app.get(Outbox);
  const eventIds: string[] = [];
  for (let n = 0; n < PER_THING; n++) {
    for (const thing of THINGS) {
      eventIds.push(
        await transactions.run({ actor: systemActor('test'), tenantId: member.id }, () =>
          outbox.publish({ type: n ? 'probe.thing.changed' : 'probe.thing.created', aggregateType: 'thing', aggregateId: thing, payload: { n } }),
        ),
      );
    }
  }

  const first = startWorker();
  await until(() => receiver.at(path).length, (n) => n >= 8, 60_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const beforeRestart = receiver.at(path).length;
  expect(beforeRestart).toBeLessThan(eventIds.length);

  startWorker();
  // Deliveries in flight at the kill wait for BullMQ's stall check and then their retry; on a
  // loaded two-core machine that has taken more than a minute. A ceiling, not a speed check.
  await until(() => receiver.accepted(path).length, (n) => n === eventIds.length, 150_000);
  await until(
    async () => (await db.admin.query(`select count(*)::int as n from hearth.webhook_delivery where status <> 'succeeded'`)).rows[0].n,
    (n) => n === 0,
    30_000,
  );

  const accepted = receiver.accepted(path);
  expect(accepted.map((r) => r.headers['webhook-id']).sort()).toEqual(eventIds.map((id) => `msg_${id.replace(/-/g, '')}`).sort());
  for (const thing of THINGS) {
    const order = accepted.map((r) => JSON.parse(r.body).data).filter((d) => d.id === thing).map((d) => d.n);
    expect(order).toEqual([...Array(PER_THING).keys()]);
  }
  for (const request of receiver.at(path)) expect(verifyWebhook(secret, request.headers, request.body)).toEqual({ ok: true });
  // Repeats, if any, are whole repeats of a webhook-id already seen: same body, verifiable.
  const byId = new Map<string, string>();
  for (const request of receiver.at(path)) {
    const seen = byId.get(request.headers['webhook-id']);
    if (seen) expect(request.body).toBe(seen);
    byId.set(request.headers['webhook-id'], request.body);
  }
  const { rows } = await db.admin.query(`select count(*)::int as deliveries, sum(attempts)::int as attempts from hearth.webhook_delivery`);
  expect(rows[0].deliveries).toBe(eventIds.length);
}, 240_000);
