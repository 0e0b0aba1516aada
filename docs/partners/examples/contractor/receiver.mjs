// A contractor's job system, in miniature: it receives Hearth's work-order webhooks, verifies
// them, handles each one once (by webhook-id), fetches the work order it names, accepts it, and
// lets the office post status updates back. No dependencies; Node 20 or later.
//
//   HEARTH_API_URL=https://api.hearth.example \
//   KEYCLOAK_URL=https://id.hearth.example HEARTH_CLIENT_ID=taff-plumbing HEARTH_CLIENT_SECRET=… \
//   HEARTH_WEBHOOK_SECRET=whsec_… PORT=8080 node receiver.mjs
//
// Hearth POSTs to http(s)://<your host>/webhooks/hearth. Keep the seen-ids and jobs in your
// database (a unique key on webhook-id) rather than in memory, as this example does.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { verifyWebhook, WebhookVerificationError } from './verify.mjs';
import { createHearthClient } from './hearth-client.mjs';

const MAX_BODY_BYTES = 1 << 20;

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(Object.assign(new Error('Body too large'), { status: 413 }));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * @param {object} options
 * @param {string | string[]} options.secrets  the endpoint's whsec_ secret(s)
 * @param {ReturnType<typeof createHearthClient>} options.hearth
 * @param {{ has(id: string): boolean, add(id: string): unknown }} [options.seen] webhook-ids handled (use a table)
 * @param {(line: string) => void} [options.log]
 */
export function createReceiver({ secrets, hearth, seen = new Set(), log = (line) => console.log(line) }) {
  /** Work orders this contractor holds, by id: what a real job system keeps in its database. */
  const jobs = new Map();
  const inFlight = new Set();

  /** What each event means to a contractor. Anything else is acknowledged and ignored. */
  async function handle(webhookId, event) {
    const { type, data } = event;
    const assignedNow = type === 'repairs.work_order.raised' || (type === 'repairs.work_order.status_changed' && data.to === 'assigned');
    if (assignedNow) {
      if (jobs.has(data.id)) return 'already held';
      // The event carries ids only: fetch the work order. Null means it is not ours (the member's
      // endpoint hears about every work order; Hearth shows us only those assigned to us).
      const workOrder = await hearth.workOrder(data.id);
      if (!workOrder) return 'not ours';
      jobs.set(workOrder.id, { ...workOrder, history: [] });
      // The messageId comes from the webhook-id: if we crash after posting and Hearth redelivers,
      // the same message is posted again and Hearth answers it as a replay, changing nothing.
      const result = await hearth.postStatus({
        messageId: `${webhookId}.accepted`,
        workOrderId: workOrder.id,
        status: 'ACCEPTED',
        occurredAt: new Date().toISOString(),
      });
      if (result.__typename !== 'JobStatusUpdateApplied') log(`work order ${workOrder.number}: not accepted: ${result.code} ${result.message}`);
      return `job ${workOrder.number} (${workOrder.raiseRepair?.DescriptionOfWork ?? 'no description'})`;
    }
    if (type === 'repairs.work_order.status_changed' && jobs.has(data.id)) {
      const job = jobs.get(data.id);
      job.status = String(data.to).toUpperCase();
      job.history.push({ from: data.from, to: data.to, at: data.at, by: data.actorKind });
      // The member cancelled it or gave it to someone else: stop the operative going out.
      return data.to === 'cancelled' ? `job ${job.number} cancelled by the member` : `job ${job.number} is ${data.to}`;
    }
    return 'ignored';
  }

  async function onWebhook(req, res) {
    const body = await readBody(req);
    let delivery;
    try {
      delivery = verifyWebhook({ secrets, headers: req.headers, body });
    } catch (error) {
      if (error instanceof WebhookVerificationError) return answer(res, 401, { error: error.message });
      throw error;
    }
    const { id, payload } = delivery;
    // Exactly once by webhook-id: a retry or a replay of something handled is acknowledged, not redone.
    if (seen.has(id)) return answer(res, 200, { duplicate: true });
    // The same delivery twice at once (rare: a retry racing a slow first try): let Hearth come back later.
    if (inFlight.has(id)) return answer(res, 409, { error: 'This delivery is being handled' });
    inFlight.add(id);
    try {
      const outcome = await handle(id, payload);
      seen.add(id);
      log(`${id} ${payload.type}: ${outcome}`);
      answer(res, 200, { ok: true });
    } catch (error) {
      // Not marked as seen: any non-2xx makes Hearth retry on its schedule.
      log(`${id} ${payload.type}: failed, Hearth will retry: ${error.message}`);
      answer(res, 500, { error: 'Not handled; retry later' });
    } finally {
      inFlight.delete(id);
    }
  }

  /** The office's own button: POST /jobs/<work order id>/status { status, comments?, appointment? }. */
  async function onStatus(req, res, workOrderId) {
    const { status, comments, appointment } = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    const result = await hearth.postStatus({
      messageId: randomUUID(), // a new message; keep it with the update to resend it unchanged if unsure
      workOrderId,
      status,
      occurredAt: new Date().toISOString(),
      ...(comments ? { comments } : {}),
      ...(appointment ? { appointment } : {}),
    });
    answer(res, result.__typename === 'JobStatusUpdateApplied' ? 200 : 422, result);
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    const status = /^\/jobs\/([0-9a-f-]{36})\/status$/.exec(url.pathname);
    const route =
      req.method === 'POST' && url.pathname === '/webhooks/hearth' ? onWebhook(req, res)
      : req.method === 'POST' && status ? onStatus(req, res, status[1])
      : Promise.resolve(answer(res, 404, { error: 'Not found' }));
    route.catch((error) => {
      log(`${req.method} ${url.pathname}: ${error.message}`);
      if (!res.headersSent) answer(res, error.status ?? 500, { error: error.status ? error.message : 'Not handled' });
    });
  });

  return { server, jobs, seen };
}

// Run as a program (not when imported by a test).
if (process.argv[1]?.endsWith('receiver.mjs')) {
  const env = (name) => process.env[name] ?? (console.error(`Set ${name}`), process.exit(1));
  const hearth = createHearthClient({
    apiUrl: env('HEARTH_API_URL'),
    tokenUrl: `${env('KEYCLOAK_URL')}/realms/hearth/protocol/openid-connect/token`,
    clientId: env('HEARTH_CLIENT_ID'),
    clientSecret: env('HEARTH_CLIENT_SECRET'),
  });
  const { server } = createReceiver({ secrets: env('HEARTH_WEBHOOK_SECRET').split(','), hearth });
  const port = Number(process.env.PORT ?? 8080);
  server.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`Receiving Hearth's webhooks on :${port}/webhooks/hearth`));
}
