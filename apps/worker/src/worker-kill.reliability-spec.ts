import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { INSTALLED_MODULES } from '@hearth/distribution';
import { verifyWebhook } from '@hearth/integrations-webhooks';
import { TestReceiver, until } from '@hearth/integrations-webhooks/testing';
import { insertAccounts, ledgerOf } from '@hearth/housing-rent/testing';
import {
  createTestDatabase, insertMember, serveModulesForTest, TestProcess, TestRedis, TestTokens,
  type TestApi, type TestDatabase, type TestMember,
} from '@hearth/platform-testing';

/**
 * The worker as deployed (apps/worker/src/main.ts: every module, default queue settings) killed
 * with SIGKILL while a rent run is half posted and webhooks are being fanned out and delivered,
 * then another worker started. The ledger ends exact (one charge per account, charge type and
 * period; every balance the sum of its transactions) and the receiver, deduplicating by
 * webhook-id as the contract says, gets every event exactly once.
 *
 * The worker has a PostgreSQL database and a Redis of its own. Nothing is shortened for the test:
 * a killed worker's jobs come back when BullMQ's 30-second locks lapse, as in production.
 */
/** More than one chunk of a run (50,000 accounts), so the kill falls after a chunk has committed. */
const ACCOUNTS = 60_000;
const RENT_PENCE = 9_875;
const SERVICE_PENCE = 1_210;
const WEEK = '2026-04-20';
/** Events fanned out to the endpoint while the run is held, beside the run's own two. */
const EVENTS = 300;
const RESTART_TIMEOUT_MS = 240_000;

const tokens = new TestTokens();
let redis: TestRedis;
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let receiver: TestReceiver;
const workers: TestProcess[] = [];

beforeAll(async () => {
  redis = await TestRedis.start();
  db = await createTestDatabase({
    ...tokens.env,
    REDIS_URL: redis.url,
    REDIS_PREFIX: `hearth-test-${randomBytes(4).toString('hex')}`,
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
  });
  member = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  await insertAccounts(db.admin, member.id, {
    reference: 'K-',
    count: ACCOUNTS,
    charges: [
      { type: 'rent', from: '2020-01-06', pence: RENT_PENCE },
      { type: 'service_charge', from: '2020-01-06', pence: SERVICE_PENCE },
    ],
  });
  await db.admin.query('analyze');
  api = await serveModulesForTest(db.config, INSTALLED_MODULES);
  receiver = await new TestReceiver().start();
}, 120_000);

afterAll(async () => {
  for (const worker of workers) await worker.kill('SIGKILL');
  await receiver?.close();
  await api?.close();
  await db?.drop();
  await redis?.close();
});

function startWorker(): TestProcess {
  const worker = TestProcess.start('apps/worker/src/main.ts', {
    HEARTH_ENV: 'test',
    LOG_LEVEL: 'silent',
    DB_NAME: db.name,
    REDIS_URL: redis.url,
    REDIS_PREFIX: db.config.redis.prefix,
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
    ...tokens.env,
  });
  workers.push(worker);
  return worker;
}

const admin = () => tokens.user(member.slug, ['tenant-admin', 'income-officer']);

async function runOf(id: string): Promise<{ status: string; accounts: number; charges_posted: number; charges_already_posted: number }> {
  const { rows } = await db.admin.query(`select status, accounts, charges_posted, charges_already_posted from hearth.rent_run where id = $1`, [id]);
  return rows[0];
}

/**
 * Holds the member's rent-run lock (RentRuns.lockMember: one chunk at a time per member) from a
 * connection of the test's own, queued while the first chunk runs, so it is granted the moment
 * that chunk commits and the second chunk waits behind it: the kill then falls mid-run on every
 * machine, however fast or loaded.
 */
async function holdRunBetweenChunks(connection: Client): Promise<void> {
  await until(
    async () => (await connection.query(`select count(*)::int as n from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())`)).rows[0].n,
    (held) => held > 0,
    120_000,
  );
  await connection.query(`select pg_advisory_lock(hashtextextended('hearth.rent-runs:' || $1::text, 0))`, [member.id]);
}

it('a worker killed with SIGKILL mid rent run and mid fan-out: after a restart the ledger is exact and every webhook arrives once by id', async () => {
  const path = '/partner';
  // Each answer takes a little while, so deliveries are in flight when the kill lands.
  receiver.on(path, () => ({ status: 200, delayMs: 50 }));
  const created = await api.gql(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { ... on WebhookEndpointCreated { secret endpoint { id } } } }`,
    { input: { url: `${receiver.url}${path}`, eventTypes: ['*'] } },
    { token: admin() },
  );
  const { secret } = created.data!.createWebhookEndpoint;
  const started = await api.gql(
    `mutation ($input: StartRentRunInput!) { startRentRun(input: $input) { ... on RentRunStarted { run { id } } } }`,
    { input: { frequency: 'WEEKLY', periodStart: WEEK } },
    { token: admin() },
  );
  const runId: string = started.data!.startRentRun.run.id;

  const lock = await db.connect();
  try {
    const first = startWorker();
    await holdRunBetweenChunks(lock);
    const held = await runOf(runId);
    expect(held).toMatchObject({ status: 'running', charges_posted: 100_000 });

    // The fan-out starts now, while the run waits: EVENTS accounts announced in one statement.
    const transactions = api.app.get(TransactionManager);
    await transactions.run({ actor: systemActor('test'), tenantId: member.id }, () =>
      api.app.get(Outbox).publishRows(
        { type: 'rent.account.opened', aggregateType: 'rent_account' },
        `select id as aggregate_id, jsonb_build_object('paymentReference', payment_reference) as payload
         from hearth.rent_account order by payment_reference limit $1`,
        [EVENTS],
      ),
    );
    await until(() => receiver.accepted(path).length, (n) => n >= 20, 120_000);
    await first.kill('SIGKILL');
    const deliveredBeforeKill = receiver.accepted(path).length;
    expect(deliveredBeforeKill).toBeLessThan(EVENTS);

    // What the dead worker committed is whole: the first chunk, counted, and nothing of the second.
    expect(await runOf(runId)).toMatchObject({ status: 'running', charges_posted: 100_000 });
    expect(await ledgerOf(db.admin, member.id)).toMatchObject({ charges: 100_000, duplicates: 0, balancesWrong: 0 });
  } finally {
    await lock.end();
  }

  const second = startWorker();
  const finished = await until(() => runOf(runId), (run) => run.status !== 'running', RESTART_TIMEOUT_MS);
  expect(finished).toEqual({ status: 'succeeded', accounts: ACCOUNTS, charges_posted: ACCOUNTS * 2, charges_already_posted: 0 });
  expect(await ledgerOf(db.admin, member.id)).toEqual({
    charges: ACCOUNTS * 2, duplicates: 0, balancesWrong: 0, total: ACCOUNTS * (RENT_PENCE + SERVICE_PENCE),
  });

  // Every event of the member since the endpoint was made: the run queued, the accounts, the run completed.
  const expected = async () =>
    (await db.admin.query(`select 'msg_' || replace(id::text, '-', '') as id from hearth.outbox_event where tenant_id = $1`, [member.id])).rows
      .map((row) => row.id as string)
      .sort();
  // The receiver has a request before the worker records its success: wait for both.
  const unfinished = async () => (await db.admin.query(`select count(*)::int as n from hearth.webhook_delivery where status <> 'succeeded'`)).rows[0].n;
  await until(
    async () => (await expected()).join() === receiver.accepted(path).map((r) => r.headers['webhook-id']).sort().join() && (await unfinished()) === 0,
    (done) => done,
    RESTART_TIMEOUT_MS,
  );
  const ids = await expected();
  expect(ids).toHaveLength(EVENTS + 2);
  const { rows } = await db.admin.query(`select status, count(*)::int as n from hearth.webhook_delivery group by status`);
  expect(rows).toEqual([{ status: 'succeeded', n: EVENTS + 2 }]);

  // A receiver may see a webhook-id again (a delivery cut off by the kill before it was recorded):
  // only ever as a whole repeat, with the same body, correctly signed.
  const firstBody = new Map<string, string>();
  for (const request of receiver.at(path)) {
    expect(verifyWebhook(secret, request.headers, request.body)).toEqual({ ok: true });
    const id = request.headers['webhook-id'];
    expect(request.body).toBe(firstBody.get(id) ?? request.body);
    firstBody.set(id, request.body);
  }
  console.log(
    `worker kill: ${ACCOUNTS * 2} charges exact; ${ids.length} webhooks, ${receiver.at(path).length - ids.length} repeated by id; ` +
      `${(await runOf(runId)).charges_posted} posted`,
  );
  await second.kill('SIGTERM');
}, 420_000);
