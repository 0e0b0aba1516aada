import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WorkingCalendar } from '@hearth/platform-calendar';
import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startTestApi } from '../../api/src/testing';
import { createHearthClient, createReceiver, sign } from './index';

// The worked example of docs/partners/contractor-example.md against the real API: its client
// gets a token, fetches a work order and posts status updates; its receiver verifies a signed
// work-order webhook, handles it once, and accepts the work order.
const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let taff: string;
let severn: string;
let assetId: string;

const SCOPES = ['repairs:read', 'repairs:status'];
const TAFF = () => tokens.partner('taff-plumbing', 'millbrook', SCOPES);
const SECRET = `whsec_${Buffer.alloc(32, 42).toString('base64')}`;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, repairs: {} });
  api = await startTestApi(db.config);
  taff = await arrangeContractor('Taff Plumbing Ltd', 'taff-plumbing');
  severn = await arrangeContractor('Severn Heating', 'severn-heating');
  const { rows } = await db.admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, town, postcode) values ($1, 'dwelling', '12 Heol y Frenhines', 'Cardiff', 'CF10 1AA') returning id`,
    [millbrook.id],
  );
  assetId = rows[0].id;
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

// Arranged in SQL as the superuser, as libs/housing/repairs' tests do.
async function arrangeContractor(name: string, clientId: string): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.contractor (tenant_id, name, trades, partner_client_id) values ($1, $2, '{plumbing}', $3) returning id`,
    [millbrook.id, name, clientId],
  );
  return rows[0].id;
}

async function arrangeWorkOrder(contractorId: string): Promise<{ id: string; number: number }> {
  const { rows: [repair] } = await db.admin.query(
    `insert into hearth.repair (tenant_id, asset_id, description, location, reported_at, reported_by_kind, reported_by, status, priority, trade, triaged_at, triaged_by)
     values ($1, $2, 'Kitchen sink leaking under the unit', 'Kitchen', now() - interval '1 day', 'staff', 'Dai Price', 'triaged', 'urgent', 'plumbing', now() - interval '1 day', 'Dai Price')
     returning id`,
    [millbrook.id, assetId],
  );
  const { rows: [workOrder] } = await db.admin.query(
    `insert into hearth.work_order (tenant_id, repair_id, status, priority, emergency, trade, contractor_id, raised_at, target_at, warn_at)
     values ($1, $2, 'assigned', 'urgent', false, 'plumbing', $3, now() - interval '1 day', now() + interval '6 days', now() + interval '5 days')
     returning id, number::int`,
    [millbrook.id, repair.id, contractorId],
  );
  return workOrder;
}

const statusOf = async (id: string) => (await db.admin.query(`select status from hearth.work_order where id = $1`, [id])).rows[0].status;

function workingDayAhead(): string {
  const calendar = new WorkingCalendar('england-and-wales');
  const day = new Date(Date.now() + 7 * 86_400_000);
  while (!calendar.isWorkingDay(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** Keycloak's token endpoint, in miniature: checks the client-credentials form, answers a token. */
async function startTokenEndpoint(): Promise<{ url: string; requests: URLSearchParams[]; server: Server }> {
  const requests: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      const ok = req.url === '/realms/hearth/protocol/openid-connect/token' && req.headers['content-type'] === 'application/x-www-form-urlencoded'
        && form.get('grant_type') === 'client_credentials' && form.get('client_id') === 'taff-plumbing' && form.get('client_secret') === 's3cret';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok
        ? { access_token: tokens.partner('taff-plumbing', 'millbrook', form.get('scope')!.split(' ')), expires_in: 300, token_type: 'Bearer' }
        : { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe("the contractor example's Hearth client", () => {
  it('gets a client-credentials token, keeps it, and fetches its work order with the RaiseRepair message', async () => {
    const keycloak = await startTokenEndpoint();
    try {
      const hearth = createHearthClient({
        apiUrl: api.url,
        tokenUrl: `${keycloak.url}/realms/hearth/protocol/openid-connect/token`,
        clientId: 'taff-plumbing',
        clientSecret: 's3cret',
      });
      expect(await hearth.me()).toMatchObject({ subject: 'taff-plumbing', kind: 'PARTNER', scopes: SCOPES, member: { slug: 'millbrook' } });
      const workOrder = await arrangeWorkOrder(taff);
      const fetched = await hearth.workOrder(workOrder.id);
      expect(fetched).toMatchObject({ id: workOrder.id, number: workOrder.number, status: 'ASSIGNED', priority: 'urgent', appointment: null });
      expect(fetched.raiseRepair).toMatchObject({ DescriptionOfWork: 'Kitchen sink leaking under the unit', Contractor: { Name: 'Taff Plumbing Ltd' } });
      expect(keycloak.requests).toHaveLength(1); // one token for all three requests
      expect(keycloak.requests[0].get('scope')).toBe('repairs:read repairs:status');

      const wrong = createHearthClient({ apiUrl: api.url, tokenUrl: `${keycloak.url}/realms/hearth/protocol/openid-connect/token`, clientId: 'taff-plumbing', clientSecret: 'nope' });
      await expect(wrong.me()).rejects.toMatchObject({ code: 'TOKEN_REFUSED', message: expect.stringContaining('Invalid client') });
    } finally {
      keycloak.server.close();
    }
  });

  it("sees another contractor's work order as nothing, and lists its own open ones", async () => {
    const hearth = createHearthClient({ apiUrl: api.url, getToken: async () => TAFF() });
    const theirs = await arrangeWorkOrder(severn);
    const ours = await arrangeWorkOrder(taff);
    expect(await hearth.workOrder(theirs.id)).toBeNull();
    const open = await hearth.openWorkOrders();
    expect(open.map((w: { id: string }) => w.id)).toContain(ours.id);
    expect(open.map((w: { id: string }) => w.id)).not.toContain(theirs.id);
  });

  it('posts status updates the API applies, replays a retry, and throws request errors with their code', async () => {
    const hearth = createHearthClient({ apiUrl: api.url, getToken: async () => TAFF() });
    const workOrder = await arrangeWorkOrder(taff);
    const day = workingDayAhead();
    const booking = { messageId: `JSU-${workOrder.number}-1`, workOrderNumber: workOrder.number, status: 'SCHEDULED', occurredAt: new Date().toISOString(), appointment: { day, slot: 'AM' } };
    expect(await hearth.postStatus(booking)).toMatchObject({ __typename: 'JobStatusUpdateApplied', status: 'SCHEDULED', replayed: false });
    expect(await hearth.postStatus(booking)).toMatchObject({ __typename: 'JobStatusUpdateApplied', replayed: true });
    expect(await statusOf(workOrder.id)).toBe('scheduled');
    expect((await hearth.workOrder(workOrder.id)).appointment).toEqual({ day, slot: 'AM' });

    const completed = await hearth.postStatus({ messageId: `JSU-${workOrder.number}-2`, workOrderId: workOrder.id, status: 'COMPLETED', occurredAt: new Date().toISOString(), comments: 'Renewed the trap' });
    expect(completed).toMatchObject({ __typename: 'TransitionRefused', code: 'TRANSITION_REFUSED', from: 'SCHEDULED', to: 'COMPLETED' });

    await expect(hearth.postStatus({ messageId: 'x', workOrderId: workOrder.id, status: 'SCHEDULED', occurredAt: new Date().toISOString() }))
      .rejects.toMatchObject({ name: 'HearthApiError', code: 'BAD_USER_INPUT' });
    const readOnly = createHearthClient({ apiUrl: api.url, getToken: async () => tokens.partner('taff-plumbing', 'millbrook', ['repairs:read']) });
    await expect(readOnly.postStatus({ ...booking, messageId: 'JSU-ro' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe("the contractor example's receiver", () => {
  let receiver: ReturnType<typeof createReceiver>;
  let url: string;
  const log: string[] = [];

  beforeAll(async () => {
    receiver = createReceiver({ secrets: SECRET, hearth: createHearthClient({ apiUrl: api.url, getToken: async () => TAFF() }), log: (line: string) => log.push(line) });
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => receiver.server.close(resolve)));

  let events = 0;
  /** A delivery as Hearth sends it (docs/partners/webhooks.md), signed with the endpoint's secret. */
  function delivery(type: string, data: Record<string, unknown>, id = `msg_${(++events).toString(16).padStart(32, '0')}`) {
    const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data: { aggregateType: 'work_order', ...data } });
    const timestamp = String(Math.floor(Date.now() / 1000));
    return { id, body, headers: { 'content-type': 'application/json', 'user-agent': 'Hearth-Webhooks/1', 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': sign(SECRET, id, timestamp, body) } };
  }
  const send = async (message: { body: string; headers: Record<string, string> }) => {
    const response = await fetch(`${url}/webhooks/hearth`, { method: 'POST', headers: message.headers, body: message.body });
    return { status: response.status, body: await response.json() };
  };
  /** Status updates posted about a work order (every one is kept, with the answer it got). */
  const postedAbout = async (id: string) =>
    Number((await db.admin.query(`select count(*) from hearth.partner_message where tenant_id = $1 and outcome::text like '%' || $2 || '%'`, [millbrook.id, id])).rows[0].count);

  it('takes a raised work order once by webhook-id, fetching it and accepting it', async () => {
    const workOrder = await arrangeWorkOrder(taff);
    const raised = delivery('repairs.work_order.raised', { id: workOrder.id, number: workOrder.number, contractorId: taff });
    expect(await send(raised)).toEqual({ status: 200, body: { ok: true } });
    expect(receiver.jobs.get(workOrder.id)).toMatchObject({ number: workOrder.number, status: 'ASSIGNED' });
    expect(log.at(-1)).toBe(`${raised.id} repairs.work_order.raised: job ${workOrder.number} (Kitchen sink leaking under the unit)`);
    const { rows } = await db.admin.query(`select client_id, message_id from hearth.partner_message where tenant_id = $1 and message_id = $2`, [millbrook.id, `${raised.id}.accepted`]);
    expect(rows).toEqual([{ client_id: 'taff-plumbing', message_id: `${raised.id}.accepted` }]);
    expect(await postedAbout(workOrder.id)).toBe(1);

    // Hearth retries (the first answer was lost): acknowledged, not handled again.
    expect(await send(raised)).toEqual({ status: 200, body: { duplicate: true } });
    expect(log.filter((line) => line.startsWith(raised.id))).toHaveLength(1);
  });

  it('refuses a tampered body or a stale timestamp, and handles nothing', async () => {
    const workOrder = await arrangeWorkOrder(taff);
    const raised = delivery('repairs.work_order.raised', { id: workOrder.id });
    const tampered = { ...raised, body: raised.body.replace(workOrder.id, '00000000-0000-4000-8000-000000000000') };
    expect(await send(tampered)).toMatchObject({ status: 401, body: { error: expect.stringMatching(/No signature matches/) } });
    const stale = Math.floor(Date.now() / 1000) - 600;
    const old = { ...raised, headers: { ...raised.headers, 'webhook-timestamp': String(stale), 'webhook-signature': sign(SECRET, raised.id, stale, raised.body) } };
    expect(await send(old)).toMatchObject({ status: 401, body: { error: expect.stringMatching(/from our clock/) } });
    expect(receiver.jobs.has(workOrder.id)).toBe(false);
    // The genuine message still goes through afterwards.
    expect((await send(raised)).status).toBe(200);
    expect(receiver.jobs.has(workOrder.id)).toBe(true);
  });

  it("ignores another contractor's work order, and follows a cancellation of its own", async () => {
    const theirs = await arrangeWorkOrder(severn);
    const other = delivery('repairs.work_order.raised', { id: theirs.id });
    expect((await send(other)).status).toBe(200);
    expect(log.at(-1)).toBe(`${other.id} repairs.work_order.raised: not ours`);
    expect(receiver.jobs.has(theirs.id)).toBe(false);
    expect(await postedAbout(theirs.id)).toBe(0);

    const ours = await arrangeWorkOrder(taff);
    await send(delivery('repairs.work_order.status_changed', { id: ours.id, from: 'raised', to: 'assigned', actorKind: 'user', contractorId: taff }));
    const cancelled = delivery('repairs.work_order.status_changed', { id: ours.id, from: 'assigned', to: 'cancelled', actorKind: 'user' });
    expect((await send(cancelled)).status).toBe(200);
    expect(receiver.jobs.get(ours.id)).toMatchObject({ status: 'CANCELLED' });
    expect(log.at(-1)).toBe(`${cancelled.id} repairs.work_order.status_changed: job ${ours.number} cancelled by the member`);
  });

  it("posts the office's status update to Hearth", async () => {
    const workOrder = await arrangeWorkOrder(taff);
    const response = await fetch(`${url}/jobs/${workOrder.id}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'IN_PROGRESS', comments: 'Operative on site' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ __typename: 'JobStatusUpdateApplied', status: 'IN_PROGRESS', workOrderNumber: workOrder.number });
    expect(await statusOf(workOrder.id)).toBe('in_progress');
  });
});
