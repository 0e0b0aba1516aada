import { randomBytes } from 'node:crypto';
import { Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { TestReceiver, until } from '@hearth/integrations-webhooks/testing';
import {
  createTestDatabase, insertMember, TcpProxy, TestProcess, TestRedis, TestTokens,
  type TestApi, type TestDatabase, type TestMember,
} from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Redis restarted while jobs are queued, and PostgreSQL's connections dropped under load, with the
 * API (the real one, in this process) and the worker (apps/worker, a process of its own) running.
 * Both reach PostgreSQL through a TcpProxy the test can cut, and a Redis of this file's own that
 * it can stop: the shared services, which other tests are using, are never touched.
 *
 * What must hold: while a service is gone the API answers (data where it needs neither, an error
 * with a code where it needs PostgreSQL) rather than hanging; once it is back everything recovers
 * with no one restarting anything; no request is half-applied; no queued job is lost.
 */
const tokens = new TestTokens();
const PATH = '/partner';
let redis: TestRedis;
let proxy: TcpProxy;
let db: TestDatabase;
let api: TestApi;
let worker: TestProcess;
let member: TestMember;
let receiver: TestReceiver;

beforeAll(async () => {
  redis = await TestRedis.start({ appendOnly: true });
  proxy = await TcpProxy.start({ host: '127.0.0.1', port: 5432 });
  const env = { ...tokens.env, DB_PORT: String(proxy.port), REDIS_URL: redis.url, REDIS_PREFIX: `hearth-test-${randomBytes(4).toString('hex')}`, WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true' };
  db = await createTestDatabase(env);
  member = await insertMember(db.admin, 'millbrook', { assets: {} });
  api = await startTestApi(db.config);
  worker = TestProcess.start('apps/worker/src/main.ts', { HEARTH_ENV: 'test', LOG_LEVEL: 'silent', DB_NAME: db.name, ...env });
  receiver = await new TestReceiver().start();
  const created = await api.gql(
    `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { __typename } }`,
    { input: { url: `${receiver.url}${PATH}`, eventTypes: ['*'] } },
    { token: tokens.user(member.slug, ['tenant-admin']) },
  );
  expect(created.data).toEqual({ createWebhookEndpoint: { __typename: 'WebhookEndpointCreated' } });
}, 120_000);

afterAll(async () => {
  await worker?.kill('SIGTERM');
  await receiver?.close();
  await api?.close();
  await db?.drop();
  await proxy?.close();
  await redis?.close();
});

const officer = () => tokens.user(member.slug, ['housing-officer']);
const CREATE = `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { __typename ... on Asset { id name } } }`;

type Outcome = { ok: true } | { ok: false; code: string };

/** An estate named `name`, through the API; what the API answered, or 'NO_ANSWER' if the request itself failed. */
async function createEstate(name: string): Promise<Outcome> {
  try {
    const res = await api.gql(CREATE, { input: { kind: 'ESTATE', name } }, { token: officer() });
    if (res.data?.createAsset?.__typename === 'Asset') return { ok: true };
    const code = res.errors?.[0]?.extensions?.code;
    return { ok: false, code: typeof code === 'string' ? code : `NO_CODE ${JSON.stringify(res)}` };
  } catch {
    return { ok: false, code: 'NO_ANSWER' };
  }
}

/** How many of the estate, its audit entry and its event exist: [0, 0, 0] or [1, 1, 1] if the request was whole. */
async function traces(name: string): Promise<number[]> {
  const { rows } = await db.admin.query(
    `with estate as (select id::text from hearth.asset where tenant_id = $1 and name = $2)
     select (select count(*)::int from estate) as estates,
            (select count(*)::int from hearth.audit_log where operation = 'createAsset' and target_id in (select id from estate)) as audits,
            (select count(*)::int from hearth.outbox_event where type = 'assets.asset.created' and aggregate_id in (select id from estate)) as events`,
    [member.id, name],
  );
  return [rows[0].estates, rows[0].audits, rows[0].events];
}

async function readiness(): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api.url}/health/ready`);
  return { status: response.status, body: await response.json() };
}

/** Every event of the member relayed and accepted by the receiver once by webhook-id, and no delivery left pending. */
async function everyEventDelivered(timeoutMs: number): Promise<number> {
  const expected = async () =>
    (await db.admin.query(`select 'msg_' || replace(id::text, '-', '') as id from hearth.outbox_event where tenant_id = $1 order by 1`, [member.id])).rows
      .map((row) => row.id as string)
      .join();
  // The receiver has a request before the worker records its success: wait for both.
  const unfinished = async () => (await db.admin.query(`select count(*)::int as n from hearth.webhook_delivery where status <> 'succeeded'`)).rows[0].n;
  await until(
    async () => (await expected()) === receiver.accepted(PATH).map((r) => r.headers['webhook-id']).sort().join() && (await unfinished()) === 0,
    (done) => done,
    timeoutMs,
  );
  return receiver.accepted(PATH).length;
}

describe('Redis restarted while jobs are queued', () => {
  it('the API keeps answering and says it is not ready; afterwards it is ready again on its own, and every queued job runs once', async () => {
    // Slow answers keep most of the deliveries waiting in Redis when it stops.
    receiver.on(PATH, () => ({ status: 200, delayMs: 100 }));
    await api.app.get(TransactionManager).run({ actor: systemActor('test'), tenantId: member.id }, () =>
      api.app.get(Outbox).publishRows(
        { type: 'assets.asset.updated', aggregateType: 'asset' },
        `select gen_random_uuid() as aggregate_id, jsonb_build_object('changed', jsonb_build_array('name')) as payload from generate_series(1, 200)`,
      ),
    );
    await until(() => receiver.accepted(PATH).length, (n) => n >= 10, 60_000);
    const { rows } = await db.admin.query(`select count(*)::int as n from hearth.webhook_delivery where status = 'pending'`);
    expect(rows[0].n).toBeGreaterThan(0);

    await redis.stop('SIGTERM');
    const whileGone = await readiness();
    expect(whileGone).toEqual({ status: 503, body: { status: 'unavailable', checks: { postgres: 'up', redis: 'down' } } });
    // Reading and writing need only PostgreSQL: both answer, and the write's event waits in the outbox.
    const read = await api.gql(`{ assets(first: 5) { totalCount } }`, {}, { token: officer() });
    expect(read.errors).toBeUndefined();
    expect(await createEstate('Written while Redis was down')).toEqual({ ok: true });
    expect(await traces('Written while Redis was down')).toEqual([1, 1, 1]);

    await redis.restart();
    await until(() => readiness(), (r) => r.status === 200, 30_000);
    const delivered = await everyEventDelivered(180_000);
    expect(delivered).toBe(200 + 1);
    console.log(`redis restart: ${delivered} webhooks, ${receiver.at(PATH).length - delivered} repeated by id`);
  }, 300_000);
});

describe('PostgreSQL connections dropped under load', () => {
  it('the API answers errors while they are gone, recovers on its own, and no request is half-applied', async () => {
    receiver.on(PATH, () => 200);
    const outcomes = new Map<string, Outcome>();
    type Phase = 'before' | 'gone' | 'after';
    let phase = 'before' as Phase;
    const byPhase: Record<Phase, Outcome[]> = { before: [], gone: [], after: [] };
    let stop = false;
    const clients = Array.from({ length: 8 }, async (_, client) => {
      for (let i = 0; !stop; i++) {
        const name = `Load ${client}-${i}`;
        const sentIn = phase;
        const outcome = await createEstate(name);
        outcomes.set(name, outcome);
        // A request that began before the cut and ended after it belongs to no one phase.
        if (sentIn === phase) byPhase[phase].push(outcome);
      }
    });
    await until(() => byPhase.before.filter((o) => o.ok).length, (n) => n >= 40, 60_000);
    phase = 'gone';
    proxy.cut();
    await until(() => byPhase.gone.length, (n) => n >= 40, 60_000);
    const readyWhileGone = await readiness();
    proxy.restore();
    phase = 'after';
    await until(() => byPhase.after.filter((o) => o.ok).length, (n) => n >= 40, 60_000);
    stop = true;
    await Promise.all(clients);

    expect(readyWhileGone).toMatchObject({ status: 503, body: { checks: { postgres: 'down', redis: 'up' } } });
    // While PostgreSQL was unreachable every request was answered, each with an error code.
    const codes = new Set(byPhase.gone.map((o) => (o.ok ? 'OK' : o.code)));
    expect([...codes]).toEqual(['UNAVAILABLE']);
    // Once it was back, without anyone restarting anything, every request succeeded.
    expect(byPhase.after.filter((o) => !o.ok)).toEqual([]);
    expect((await readiness()).status).toBe(200);

    // Whole or not at all: each estate with its audit entry and its event, or none of them; and every success applied.
    const wrong: Array<[string, Outcome, number[]]> = [];
    for (const [name, outcome] of outcomes) {
      const found = await traces(name);
      const whole = found.join() === '1,1,1' || found.join() === '0,0,0';
      if (!whole || (outcome.ok && found[0] === 0)) wrong.push([name, outcome, found]);
    }
    expect(wrong).toEqual([]);
    const succeeded = [...outcomes.values()].filter((o) => o.ok).length;
    const delivered = await everyEventDelivered(120_000);
    // A commit whose answer was lost with its connection is saved yet reported UNAVAILABLE (whole, as checked above).
    const savedDespiteError = (await db.admin.query(`select count(*)::int as n from hearth.asset where name like 'Load %'`)).rows[0].n - succeeded;
    console.log(
      `postgres outage: ${outcomes.size} requests, ${succeeded} succeeded, ${savedDespiteError} saved though answered UNAVAILABLE, ` +
        `${byPhase.gone.length} answered while cut (${[...codes].join()}); ${delivered} webhooks in all`,
    );
  }, 300_000);
});
