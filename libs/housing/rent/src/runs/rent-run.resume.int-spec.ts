import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RentModule } from '../rent.module';
import { RentRunQueue } from './rent-run-queue';
import { insertAccounts, ledgerOf } from './testing/rent-accounts.fixture';

/**
 * The rent run's promise under the worst failure: a real worker process killed with SIGKILL in
 * the middle of a run. The run is resumed by the next worker when BullMQ finds the job stalled,
 * and the ledger ends with exactly one charge per account, charge type and period, and every
 * balance equal to the sum of its transactions.
 */
const WORKSPACE = join(__dirname, '../../../../..');
const ACCOUNTS = 20_000;
const CHUNK = 250;
const WEEK = '2026-04-20';

const tokens = new TestTokens();
const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ ...tokens.env, REDIS_PREFIX: prefix });
  member = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  await insertAccounts(db.admin, member.id, {
    reference: 'K-',
    count: ACCOUNTS,
    charges: [
      { type: 'rent', from: '2020-01-06', pence: 9_875 },
      { type: 'service_charge', from: '2020-01-06', pence: 1_210 },
    ],
  });
  await db.admin.query('analyze');
  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
}, 120_000);

afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await api?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

function startWorker(): ChildProcess {
  const worker = spawn(process.execPath, ['-r', '@swc-node/register', 'libs/housing/rent/src/runs/testing/rent-run-worker.ts'], {
    cwd: WORKSPACE,
    env: { ...process.env, HEARTH_ENV: 'test', LOG_LEVEL: 'silent', DB_NAME: db.name, REDIS_PREFIX: prefix, RENT_RUN_CHUNK: String(CHUNK), ...tokens.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  workers.push(worker);
  return worker;
}

const officer = () => tokens.user('millbrook', ['income-officer'], { name: 'Nia Jones' });
const START = `mutation ($input: StartRentRunInput!) { startRentRun(input: $input) { __typename ... on RentRunStarted { run { id } } } }`;
const RUN = `query ($id: ID!) { rentRun(id: $id) { status accounts chargesPosted chargesAlreadyPosted totalPence } }`;

async function startRun(): Promise<string> {
  const res = await api.gql(START, { input: { frequency: 'WEEKLY', periodStart: WEEK } }, { token: officer() });
  const id = res.data!.startRentRun.run.id as string;
  // In production the outbox relay hands the committed run's event to RentRunQueuedHandler; this
  // test runs no relay, so it queues the job as that handler does (same job id: one job).
  await api.app.get(RentRunQueue, { strict: false }).add(member.id, id);
  return id;
}

async function runOf(id: string) {
  return (await api.gql(RUN, { id }, { token: officer() })).data!.rentRun;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const CHARGES = ACCOUNTS * 2;
const TOTAL = ACCOUNTS * (9_875 + 1_210);

it('a worker killed with SIGKILL mid-run: the next worker resumes it and the ledger is exact', async () => {
  const runId = await startRun();
  const first = startWorker();
  // Killed once some chunks have committed and well before the last.
  const cut = await until(() => runOf(runId), (run) => run.chargesPosted > 0, 120_000);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));

  const killed = await runOf(runId);
  expect(cut.chargesPosted).toBeLessThan(CHARGES);
  expect(killed.status).toBe('RUNNING');
  expect(killed.chargesPosted).toBeLessThan(CHARGES);
  const partial = await ledgerOf(db.admin, member.id);
  // What committed is whole: the counts are the ledger's, and each balance its charges' sum.
  expect(partial).toMatchObject({ charges: killed.chargesPosted, duplicates: 0, balancesWrong: 0 });

  startWorker();
  const resumed = await until(() => runOf(runId), (run) => run.status !== 'RUNNING', 120_000);
  expect(resumed).toEqual({ status: 'SUCCEEDED', accounts: ACCOUNTS, chargesPosted: CHARGES, chargesAlreadyPosted: 0, totalPence: TOTAL });
  expect(await ledgerOf(db.admin, member.id)).toEqual({ charges: CHARGES, duplicates: 0, balancesWrong: 0, total: TOTAL });

  // Running the period again finds every charge posted and changes nothing.
  const againId = await startRun();
  const again = await until(() => runOf(againId), (run) => run.status === 'SUCCEEDED', 60_000);
  expect(again).toEqual({ status: 'SUCCEEDED', accounts: ACCOUNTS, chargesPosted: 0, chargesAlreadyPosted: CHARGES, totalPence: 0 });
  expect(await ledgerOf(db.admin, member.id)).toEqual({ charges: CHARGES, duplicates: 0, balancesWrong: 0, total: TOTAL });
}, 300_000);
