import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { EventDispatcher, JobsModule, OutboxRelay } from '@hearth/platform-jobs';
import { createTestDatabase, insertMember, serveModulesForTest, testConfig, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { verifyWebhook } from './signature';
import { WebhookProcessor } from './webhook.processor';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhooksModule } from './webhooks.module';
import { ProbeModule } from './testing/probe.module';
import { TestReceiver, until, type ReceivedWebhook } from './testing/receiver';

/**
 * Webhooks end to end against real PostgreSQL, Redis and an HTTP receiver on 127.0.0.1: the API
 * manages endpoints, a worker (relay, dispatcher, delivery processor) sends, on a retry schedule
 * shortened to fractions of a second.
 */
const MODULES = [ProbeModule, WebhooksModule];
const tokens = new TestTokens();
const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let api: TestApi;
let worker: INestApplicationContext;
let receiver: TestReceiver;

beforeAll(async () => {
  db = await createTestDatabase({
    ...tokens.env,
    REDIS_PREFIX: prefix,
    WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOKS_RETRY_SCHEDULE_MS: '0,100,200,300,400,500,600,700',
  });
  api = await serveModulesForTest(db.config, MODULES);
  worker = await NestFactory.createApplicationContext(
    { module: class WebhooksWorker {}, imports: [HearthPlatformModule.forRoot({ config: db.config, modules: MODULES, process: 'worker' }), JobsModule] },
    { logger: false },
  );
  worker.enableShutdownHooks();
  await worker.get(OutboxRelay).start();
  worker.get(EventDispatcher).start();
  worker.get(WebhookProcessor).start();
  receiver = await new TestReceiver().start();
}, 60_000);

afterAll(async () => {
  await receiver?.close();
  await worker?.close();
  await api?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

const admin = (member: TestMember) => tokens.user(member.slug, ['tenant-admin']);

const CREATE = `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
  __typename ... on WebhookEndpointCreated { secret endpoint { id status } }
  ... on WebhookUrlRefused { code rule message } ... on WebhookEventTypeUnknown { code unknown } } }`;
const ENDPOINT = `query ($id: ID!, $status: WebhookDeliveryStatus) { webhookEndpoint(id: $id) {
  id status disabledReason failingSince lastSuccessAt
  deliveries(first: 100, status: $status) { totalCount edges { node {
    id webhookId eventId eventType aggregateId status attempts replays lastResponseStatus body
    attemptLog { attempt succeeded responseStatus error } } } } } }`;

async function subscribe(member: TestMember, path: string, eventTypes = ['*']): Promise<{ id: string; secret: string; url: string }> {
  const url = `${receiver.url}${path}`;
  const res = await api.gql(CREATE, { input: { url, eventTypes, description: `test ${path}` } }, { token: admin(member) });
  expect(res.data?.createWebhookEndpoint.__typename).toBe('WebhookEndpointCreated');
  const { secret, endpoint } = res.data!.createWebhookEndpoint;
  return { id: endpoint.id, secret, url };
}

async function endpointOf(member: TestMember, id: string, status?: string) {
  return (await api.gql(ENDPOINT, { id, status }, { token: admin(member) })).data!.webhookEndpoint;
}

/** Publishes events as a module would, each in a transaction of its own, in order. */
async function emit(member: TestMember, events: Array<{ type: string; thing: string; n: number }>): Promise<string[]> {
  const transactions = worker.get(TransactionManager);
  const outbox = worker.get(Outbox);
  const ids: string[] = [];
  for (const event of events) {
    ids.push(
      await transactions.run({ actor: systemActor('test'), tenantId: member.id }, () =>
        outbox.publish({ type: event.type, aggregateType: 'thing', aggregateId: event.thing, payload: { n: event.n } }),
      ),
    );
  }
  return ids;
}

const NO_SUCH_ID = '5a0e1b6c-1111-4a2b-8c3d-0123456789ab';
const dataOf = (r: ReceivedWebhook) => JSON.parse(r.body) as { type: string; timestamp: string; data: { id: string; aggregateType: string; n: number } };
const pendingOf = async (memberId: string) =>
  (await db.admin.query(`select count(*)::int as n from hearth.webhook_delivery where tenant_id = $1 and status = 'pending'`, [memberId])).rows[0].n;

describe('delivery', () => {
  it('a receiver failing its first 3 deliveries still gets every event once by webhook-id, each resource in order, all logged', async () => {
    const member = await insertMember(db.admin, 'flaky');
    const path = '/flaky';
    receiver.on(path, (previous) => (previous < 3 ? 500 : 200));
    const endpoint = await subscribe(member, path, ['probe.thing.created', 'probe.thing.changed']);
    const events = [];
    for (let n = 0; n < 4; n++) {
      for (const thing of ['t1', 't2', 't3']) events.push({ type: n === 0 ? 'probe.thing.created' : 'probe.thing.changed', thing, n });
    }
    const eventIds = await emit(member, events);

    await until(() => receiver.accepted(path).length, (n) => n >= 12);
    await until(() => pendingOf(member.id), (n) => n === 0);
    const accepted = receiver.accepted(path);
    expect(accepted.map((r) => r.headers['webhook-id']).sort()).toEqual(eventIds.map((id) => `msg_${id.replace(/-/g, '')}`).sort());
    for (const thing of ['t1', 't2', 't3']) {
      expect(accepted.map(dataOf).filter((b) => b.data.id === thing).map((b) => b.data.n)).toEqual([0, 1, 2, 3]);
    }
    // Every request, failed or not, is signed, carries the contract's headers and verifies.
    expect(receiver.at(path).filter((r) => r.answered === 500)).toHaveLength(3);
    for (const request of receiver.at(path)) {
      expect(request.headers['user-agent']).toBe('Hearth-Webhooks/1');
      expect(request.headers['content-type']).toBe('application/json');
      expect(verifyWebhook(endpoint.secret, request.headers, request.body)).toEqual({ ok: true });
      expect(dataOf(request).data.aggregateType).toBe('thing');
    }

    const logged = await endpointOf(member, endpoint.id);
    expect(logged.deliveries.totalCount).toBe(12);
    const nodes = logged.deliveries.edges.map((e: { node: any }) => e.node);
    expect(nodes.every((d: any) => d.status === 'SUCCEEDED')).toBe(true);
    const attempts = nodes.flatMap((d: any) => d.attemptLog);
    expect(attempts).toHaveLength(12 + 3);
    expect(attempts.filter((a: any) => !a.succeeded)).toEqual(Array(3).fill({ attempt: 1, succeeded: false, responseStatus: 500, error: 'HTTP 500' }));
    expect(nodes.filter((d: any) => d.attempts === 2)).toHaveLength(3);
    expect(logged.lastSuccessAt).not.toBeNull();
    expect(logged.failingSince).toBeNull();
  });

  it('replay sends the same webhook-id and body again; a second redelivered event creates nothing new', async () => {
    const member = await insertMember(db.admin, 'replayer');
    const path = '/replay';
    const endpoint = await subscribe(member, path);
    const [eventId] = await emit(member, [{ type: 'probe.thing.created', thing: 'r1', n: 1 }]);
    await until(() => receiver.accepted(path).length, (n) => n === 1);
    await until(() => pendingOf(member.id), (n) => n === 0);
    const [delivery] = (await endpointOf(member, endpoint.id)).deliveries.edges.map((e: any) => e.node);

    const replayed = await api.gql(
      `mutation ($id: ID!) { replayWebhookDelivery(id: $id) { __typename ... on WebhookDelivery { webhookId status replays } } }`,
      { id: delivery.id },
      { token: admin(member) },
    );
    expect(replayed.errors).toBeUndefined();
    expect(replayed.data!.replayWebhookDelivery).toEqual({ __typename: 'WebhookDelivery', webhookId: delivery.webhookId, status: 'PENDING', replays: 1 });
    await until(() => receiver.at(path).length, (n) => n === 2);
    const [first, second] = receiver.at(path);
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    expect(verifyWebhook(endpoint.secret, second.headers, second.body)).toEqual({ ok: true });
    await until(() => pendingOf(member.id), (n) => n === 0);
    expect((await endpointOf(member, endpoint.id)).deliveries.edges[0].node).toMatchObject({ status: 'SUCCEEDED', attempts: 2, replays: 1 });

    // The dispatcher delivering the same event again (BullMQ is at least once) adds no delivery.
    await worker.get(WebhookDeliveries).fanOut({ id: eventId, tenantId: member.id } as never);
    expect((await db.admin.query(`select count(*)::int as n from hearth.webhook_delivery where tenant_id = $1`, [member.id])).rows[0].n).toBe(1);

    const missing = await api.gql(`mutation ($id: ID!) { replayWebhookDelivery(id: $id) { __typename } }`, { id: NO_SUCH_ID }, { token: admin(member) });
    expect(missing.data!.replayWebhookDelivery.__typename).toBe('WebhookDeliveryNotFound');
  });

  it('a later event fanned out before an earlier one about the same resource still arrives second', async () => {
    const member = await insertMember(db.admin, 'overtaken');
    const path = '/overtaken';
    await subscribe(member, path);
    // Two events the relay will not pick up (already marked relayed): the test plays the dispatcher.
    const { rows } = await db.admin.query(
      `insert into hearth.outbox_event (tenant_id, type, aggregate_type, aggregate_id, payload, relayed_at)
       select $1, 'probe.thing.changed', 'thing', 'o1', jsonb_build_object('n', n), now() from generate_series(1, 2) n
       returning id, seq`,
      [member.id],
    );
    const [earlier, later] = rows.sort((a, b) => Number(a.seq) - Number(b.seq));
    await worker.get(WebhookDeliveries).fanOut({ id: later.id, tenantId: member.id } as never);
    await worker.get(WebhookDeliveries).fanOut({ id: earlier.id, tenantId: member.id } as never);
    const accepted = await until(() => receiver.accepted(path), (r) => r.length === 2);
    expect(accepted.map((r) => dataOf(r).data.n)).toEqual([1, 2]);
    expect(accepted.map((r) => r.headers['webhook-id'])).toEqual([earlier, later].map((e) => `msg_${e.id.replace(/-/g, '')}`));
  });

  it('during rotation each delivery carries the new and the previous signature, each verifying with its own secret', async () => {
    const member = await insertMember(db.admin, 'rotator');
    const path = '/rotate';
    const endpoint = await subscribe(member, path);
    const rotated = await api.gql(
      `mutation ($id: ID!) { rotateWebhookSecret(id: $id) { __typename ... on WebhookSecretRotated { secret previousSecretExpiresAt } } }`,
      { id: endpoint.id },
      { token: admin(member) },
    );
    const { secret, previousSecretExpiresAt } = rotated.data!.rotateWebhookSecret;
    expect(secret).not.toBe(endpoint.secret);
    expect(Date.parse(previousSecretExpiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await emit(member, [{ type: 'probe.thing.created', thing: 'k1', n: 1 }]);
    const [request] = await until(() => receiver.accepted(path), (r) => r.length === 1);
    const signatures = request.headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(verifyWebhook(secret, { ...request.headers, 'webhook-signature': signatures[0] }, request.body)).toEqual({ ok: true });
    expect(verifyWebhook(endpoint.secret, { ...request.headers, 'webhook-signature': signatures[1] }, request.body)).toEqual({ ok: true });

    // Once the previous secret expires, only the current one signs.
    await db.admin.query(`update hearth.webhook_endpoint set previous_secret_expires_at = now() - interval '1 second' where id = $1`, [endpoint.id]);
    await emit(member, [{ type: 'probe.thing.changed', thing: 'k1', n: 2 }]);
    const [, later] = await until(() => receiver.accepted(path), (r) => r.length === 2);
    expect(later.headers['webhook-signature'].split(' ')).toHaveLength(1);
    expect(verifyWebhook(secret, later.headers, later.body)).toEqual({ ok: true });
    expect(verifyWebhook(endpoint.secret, later.headers, later.body).ok).toBe(false);
  });

  it('sends a test event to the one endpoint asked for', async () => {
    const member = await insertMember(db.admin, 'tester');
    const one = await subscribe(member, '/test-one');
    await subscribe(member, '/test-other');
    const res = await api.gql(
      `mutation ($id: ID!) { sendTestWebhook(endpointId: $id) { __typename ... on WebhookTestSent { webhookId } } }`,
      { id: one.id },
      { token: admin(member) },
    );
    const [request] = await until(() => receiver.accepted('/test-one'), (r) => r.length === 1);
    expect(request.headers['webhook-id']).toBe(res.data!.sendTestWebhook.webhookId);
    expect(dataOf(request).type).toBe('webhooks.test');
    await until(() => pendingOf(member.id), (n) => n === 0);
    expect(receiver.at('/test-other')).toEqual([]);
  });
});

describe('disabling', () => {
  it('410 Gone disables the endpoint at once, tells the member, and a re-enabled endpoint can replay what failed', async () => {
    const member = await insertMember(db.admin, 'gone');
    const path = '/gone';
    let gone = true;
    receiver.on(path, () => (gone ? 410 : 200));
    const endpoint = await subscribe(member, path, ['probe.thing.created']);
    const since = new Date(Date.now() - 1000).toISOString();
    await emit(member, [{ type: 'probe.thing.created', thing: 'g1', n: 1 }]);
    const disabled = await until(() => endpointOf(member, endpoint.id), (e) => e.status === 'DISABLED');
    expect(disabled.disabledReason).toBe('The endpoint answered 410 Gone');
    expect(receiver.at(path)).toHaveLength(1);
    const failed = disabled.deliveries.edges.map((e: any) => e.node);
    expect(failed).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 1, lastResponseStatus: 410 })]);
    const events = await db.admin.query(`select payload from hearth.outbox_event where tenant_id = $1 and type = 'webhooks.endpoint.disabled'`, [member.id]);
    expect(events.rows).toEqual([{ payload: expect.objectContaining({ endpointId: endpoint.id, reason: 'The endpoint answered 410 Gone' }) }]);
    const audit = await db.admin.query(`select operation, target_id from hearth.audit_log where tenant_id = $1 and operation = 'webhooks.disableEndpoint'`, [member.id]);
    expect(audit.rows).toEqual([{ operation: 'webhooks.disableEndpoint', target_id: endpoint.id }]);

    // Disabled: no new deliveries, and replay is refused until it is enabled.
    await emit(member, [{ type: 'probe.thing.created', thing: 'g2', n: 2 }]);
    const replayWhileDisabled = await api.gql(
      `mutation ($id: ID!, $since: DateTime!) { replayWebhookDeliveries(endpointId: $id, since: $since) { __typename } }`,
      { id: endpoint.id, since },
      { token: admin(member) },
    );
    expect(replayWhileDisabled.data!.replayWebhookDeliveries.__typename).toBe('WebhookEndpointDisabled');

    gone = false;
    const enabled = await api.gql(`mutation ($id: ID!) { enableWebhookEndpoint(id: $id) { __typename ... on WebhookEndpoint { status } } }`, { id: endpoint.id }, { token: admin(member) });
    expect(enabled.data!.enableWebhookEndpoint).toEqual({ __typename: 'WebhookEndpoint', status: 'ACTIVE' });
    const replayed = await api.gql(
      `mutation ($id: ID!, $since: DateTime!) { replayWebhookDeliveries(endpointId: $id, since: $since) { __typename ... on WebhookDeliveriesReplayed { count } } }`,
      { id: endpoint.id, since },
      { token: admin(member) },
    );
    expect(replayed.data!.replayWebhookDeliveries).toEqual({ __typename: 'WebhookDeliveriesReplayed', count: 1 });
    const [request] = await until(() => receiver.accepted(path), (r) => r.length === 1);
    expect(dataOf(request).data.id).toBe('g1');
    await until(() => pendingOf(member.id), (n) => n === 0);
    expect(receiver.accepted(path)).toHaveLength(1);
  });

  it('an endpoint with no success for the whole window while deliveries fail is disabled, on a failure or by the sweep', async () => {
    const member = await insertMember(db.admin, 'failing');
    const path = '/down';
    receiver.on(path, () => 503);
    const endpoint = await subscribe(member, path);
    await emit(member, [{ type: 'probe.thing.created', thing: 'd1', n: 1 }]);
    const failing = await until(() => endpointOf(member, endpoint.id), (e) => e.deliveries.edges[0]?.node.status === 'FAILED');
    // Out of attempts is not yet disabled: the window has not passed.
    expect(failing.status).toBe('ACTIVE');
    expect(failing.failingSince).not.toBeNull();
    expect(failing.deliveries.edges[0].node.attemptLog).toHaveLength(8);

    // Five days on (the clock moved by moving failing_since back), the next failure disables it.
    await db.admin.query(`update hearth.webhook_endpoint set failing_since = now() - interval '5 days 1 minute' where id = $1`, [endpoint.id]);
    await emit(member, [{ type: 'probe.thing.created', thing: 'd2', n: 2 }]);
    const disabled = await until(() => endpointOf(member, endpoint.id), (e) => e.status === 'DISABLED');
    expect(disabled.disabledReason).toBe('No delivery succeeded for 5 days while deliveries failed');
    const events = await db.admin.query(`select count(*)::int as n from hearth.outbox_event where tenant_id = $1 and type = 'webhooks.endpoint.disabled'`, [member.id]);
    expect(events.rows[0].n).toBe(1);

    // The sweep disables one that failed for the window even when nothing new is sent.
    const quiet = await subscribe(member, '/quiet');
    await db.admin.query(`update hearth.webhook_endpoint set failing_since = now() - interval '6 days' where id = $1`, [quiet.id]);
    const swept = await worker.get(TransactionManager).run({ actor: systemActor('test'), tenantId: member.id }, () => worker.get(WebhookDeliveries).sweep());
    expect(swept).toEqual({ requeued: 0, disabled: 1 });
    expect((await endpointOf(member, quiet.id)).status).toBe('DISABLED');
  });

  it('the sweep re-queues a due delivery whose job was lost', async () => {
    const member = await insertMember(db.admin, 'sweeper');
    const path = '/swept';
    const endpoint = await subscribe(member, path);
    // A delivery the database says is due, with no job in Redis (as if Redis lost it).
    await db.admin.query(
      `insert into hearth.webhook_delivery (tenant_id, endpoint_id, event_id, webhook_id, event_type, aggregate_type, aggregate_id, sequence, occurred_at, payload, next_attempt_at)
       values ($1, $2, '00000000-0000-4000-8000-00000000abcd', 'msg_00000000000040008000000000000abcd', 'probe.thing.created', 'thing', 's1', 1, now(), '{"n": 1}', now() - interval '1 minute')`,
      [member.id, endpoint.id],
    );
    const swept = await worker.get(TransactionManager).run({ actor: systemActor('test'), tenantId: member.id }, () => worker.get(WebhookDeliveries).sweep());
    expect(swept).toEqual({ requeued: 1, disabled: 0 });
    const [request] = await until(() => receiver.accepted(path), (r) => r.length === 1);
    expect(request.headers['webhook-id']).toBe('msg_00000000000040008000000000000abcd');
  });
});

describe('the API', () => {
  it('lists the event catalogue, and refuses unknown event types and bad URLs with typed problems', async () => {
    const member = await insertMember(db.admin, 'catalogue');
    const catalogue = await api.gql(`{ webhookEventTypes { type description module } }`, {}, { token: tokens.user(member.slug, ['housing-officer']) });
    expect(catalogue.data!.webhookEventTypes).toEqual(expect.arrayContaining([
      { type: 'probe.thing.created', description: 'A thing was created.', module: 'probe' },
      { type: 'webhooks.endpoint.disabled', description: expect.any(String), module: 'webhooks' },
    ]));
    const unknown = await api.gql(CREATE, { input: { url: `${receiver.url}/x`, eventTypes: ['probe.thing.created', 'nope.nothing'] } }, { token: admin(member) });
    expect(unknown.data!.createWebhookEndpoint).toEqual({ __typename: 'WebhookEventTypeUnknown', code: 'WEBHOOK_EVENT_TYPE_UNKNOWN', unknown: ['nope.nothing'] });
    const ftp = await api.gql(CREATE, { input: { url: 'ftp://example.com/x', eventTypes: ['*'] } }, { token: admin(member) });
    expect(ftp.data!.createWebhookEndpoint).toMatchObject({ __typename: 'WebhookUrlRefused', rule: 'INVALID_URL' });
    const empty = await api.gql(CREATE, { input: { url: `${receiver.url}/x`, eventTypes: [] } }, { token: admin(member) });
    expect(empty.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await db.admin.query(`select count(*)::int as n from hearth.webhook_endpoint where tenant_id = $1`, [member.id])).rows[0].n).toBe(0);
  });

  it('refuses loopback and private endpoints where private networks are not allowed', async () => {
    const member = await insertMember(db.admin, 'strict');
    const strictApi = await serveModulesForTest(testConfig({ ...tokens.env, DB_NAME: db.name, REDIS_PREFIX: prefix }), MODULES);
    try {
      for (const url of [`${receiver.url}/x`, 'http://10.0.0.8/hook', 'https://[::1]/hook', 'http://169.254.169.254/latest']) {
        const res = await strictApi.gql(CREATE, { input: { url, eventTypes: ['*'] } }, { token: admin(member) });
        expect(res.data!.createWebhookEndpoint).toMatchObject({ __typename: 'WebhookUrlRefused', code: 'WEBHOOK_URL_REFUSED', rule: 'PRIVATE_ADDRESS' });
      }
    } finally {
      await strictApi.close();
    }
    expect((await db.admin.query(`select count(*)::int as n from hearth.webhook_endpoint where tenant_id = $1`, [member.id])).rows[0].n).toBe(0);
  });

  it("never shows one member another's endpoints or deliveries, and lets partners in only with webhooks:manage", async () => {
    const a = await insertMember(db.admin, 'iso-a');
    const b = await insertMember(db.admin, 'iso-b');
    const endpoint = await subscribe(a, '/iso');
    await emit(a, [{ type: 'probe.thing.created', thing: 'i1', n: 1 }]);
    await until(() => receiver.accepted('/iso'), (r) => r.length === 1);
    const [delivery] = (await endpointOf(a, endpoint.id)).deliveries.edges.map((e: any) => e.node);

    const bAdmin = admin(b);
    expect((await api.gql(`{ webhookEndpoints { totalCount } }`, {}, { token: bAdmin })).data!.webhookEndpoints.totalCount).toBe(0);
    expect((await api.gql(`query ($id: ID!) { webhookEndpoint(id: $id) { id } }`, { id: endpoint.id }, { token: bAdmin })).data!.webhookEndpoint).toBeNull();
    expect((await api.gql(`query ($id: ID!) { webhookDelivery(id: $id) { id } }`, { id: delivery.id }, { token: bAdmin })).data!.webhookDelivery).toBeNull();
    const replay = await api.gql(`mutation ($id: ID!) { replayWebhookDelivery(id: $id) { __typename } }`, { id: delivery.id }, { token: bAdmin });
    expect(replay.data!.replayWebhookDelivery.__typename).toBe('WebhookDeliveryNotFound');
    const del = await api.gql(`mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) { __typename } }`, { id: endpoint.id }, { token: bAdmin });
    expect(del.data!.deleteWebhookEndpoint.__typename).toBe('WebhookEndpointNotFound');
    expect((await api.gql(`{ webhookEndpoints { totalCount } }`, {}, { token: admin(a) })).data!.webhookEndpoints.totalCount).toBe(1);

    // Staff read; only a tenant admin manages.
    const officer = tokens.user(a.slug, ['housing-officer']);
    expect((await api.gql(`{ webhookEndpoints { totalCount } }`, {}, { token: officer })).data!.webhookEndpoints.totalCount).toBe(1);
    const officerCreates = await api.gql(CREATE, { input: { url: `${receiver.url}/o`, eventTypes: ['*'] } }, { token: officer });
    expect(officerCreates.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Partners: webhooks:manage manages its own member's endpoints; other scopes reach nothing.
    const partner = tokens.partner('contractor-sys', a.slug, ['webhooks:manage']);
    const created = await api.gql(CREATE, { input: { url: `${receiver.url}/partner`, eventTypes: ['probe.thing.changed'] } }, { token: partner });
    expect(created.data!.createWebhookEndpoint.__typename).toBe('WebhookEndpointCreated');
    expect((await api.gql(`{ webhookEndpoints { totalCount } }`, {}, { token: partner })).data!.webhookEndpoints.totalCount).toBe(2);
    const otherScope = tokens.partner('contractor-sys', a.slug, ['repairs:write']);
    expect((await api.gql(`{ webhookEndpoints { totalCount } }`, {}, { token: otherScope })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const bPartner = tokens.partner('other-sys', b.slug, ['webhooks:manage']);
    expect((await api.gql(`query ($id: ID!) { webhookEndpoint(id: $id) { id } }`, { id: endpoint.id }, { token: bPartner })).data!.webhookEndpoint).toBeNull();
  });

  it('answers secrets once and never stores them in the clear', async () => {
    const member = await insertMember(db.admin, 'secretive');
    const endpoint = await subscribe(member, '/secret');
    const { rows } = await db.admin.query(`select secret_sealed from hearth.webhook_endpoint where id = $1`, [endpoint.id]);
    expect(rows[0].secret_sealed).toMatch(/^v1:/);
    expect(rows[0].secret_sealed).not.toContain(endpoint.secret.slice(6));
    const audit = await db.admin.query(`select after::text from hearth.audit_log where tenant_id = $1`, [member.id]);
    expect(audit.rows.map((r) => r.after).join()).not.toContain(endpoint.secret.slice(6));
  });
});
