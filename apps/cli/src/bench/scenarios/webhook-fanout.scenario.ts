import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import IORedis from 'ioredis';
import type { HearthConfig } from '@hearth/platform-core';
import { Outbox, systemActor, TransactionManager } from '@hearth/platform-database';
import { newWebhookSecret, signatureHeader, WebhookEndpoints } from '@hearth/integrations-webhooks';
import { withPlatform } from '../../cli-context';
import { adminClient, withScratchDatabase } from '../bench-dataset';
import type { BenchContext, BenchScenario } from '../bench-scenario';
import { ServiceProcess } from '../service-process';

const SCRATCH_DATABASE = 'hearth_bench_webhooks';
/** The worker's webhook processor sends this many at once (WebhookProcessor's default); the baseline does the same. */
const SENDERS = 8;
const BENCH_ACTOR = systemActor('hearth bench');

/**
 * Webhook fan-out through the worker as deployed (apps/worker in a process of its own): a member
 * with endpoints subscribed to every event on a receiver in this process, then a batch of events
 * committed in one transaction; timed from that commit until every delivery is recorded as
 * succeeded. Each delivery is the whole path: the outbox relay, the event job, the fan-out's
 * insert, the delivery job, its row locked, signed, POSTed and logged.
 *
 * The baseline, in the same run: as many POSTs of the same size, signed the same way, sent by a
 * bare Node loop with the worker's concurrency to the same receiver, each on a new connection as
 * the worker's are. The worker's resident memory is read idle after start and at its peak.
 * The events each name a resource of their own, so per-resource ordering never holds one back.
 */
export const webhookFanoutScenario: BenchScenario = {
  name: 'webhook-fanout',
  description: 'signed webhook deliveries a second through the worker, beside a bare Node loop posting as many to the same receiver',
  async run(context: BenchContext) {
    const { config, scale } = context;
    const { events, endpoints, timeoutMs } = scale.webhooks;
    const receiver = await new Receiver().start();
    const prefix = `hearth-bench-${randomBytes(4).toString('hex')}`;
    try {
      return await withScratchDatabase(config, SCRATCH_DATABASE, async (scratch) => {
        const local = { ...scratch, webhooks: { ...scratch.webhooks, allowPrivateNetworks: true } };
        const memberId = await insertBenchMember(config);
        return withPlatform(local, async (app) => {
          const transactions = app.get(TransactionManager);
          const asMember = <T>(fn: () => Promise<T>) => transactions.run({ actor: BENCH_ACTOR, tenantId: memberId }, fn);
          await asMember(async () => {
            for (let i = 0; i < endpoints; i++) await app.get(WebhookEndpoints).create({ url: `${receiver.url}/endpoint-${i}`, eventTypes: ['*'] });
          });
          const worker = await ServiceProcess.start('worker', {
            DB_NAME: SCRATCH_DATABASE,
            HEARTH_ENV: 'development',
            NODE_ENV: 'production',
            LOG_LEVEL: 'warn',
            REDIS_PREFIX: prefix,
            WEBHOOKS_ALLOW_PRIVATE_NETWORKS: 'true',
          });
          const admin = await adminClient(config, SCRATCH_DATABASE);
          try {
            const idle = worker.memory();
            const deliveries = events * endpoints;
            await asMember(() =>
              app.get(Outbox).publishRows(
                { type: 'assets.asset.updated', aggregateType: 'asset' },
                `select gen_random_uuid() as aggregate_id, jsonb_build_object('changed', jsonb_build_array('name')) as payload from generate_series(1, $1)`,
                [events],
              ),
            );
            // Timed from the commit: from then on the events are the relay's to find.
            const measured = await untilDelivered(admin, deliveries, Date.now(), timeoutMs, context.log);
            const peak = worker.memory();
            const received = receiver.count;
            const baselineSeconds = await bareLoop(receiver, deliveries);
            const rate = measured.succeeded / measured.seconds;
            const baselineRate = deliveries / baselineSeconds;
            return {
              scenario: 'webhook-fanout',
              status: 'measured' as const,
              notes: [
                `${events.toLocaleString('en-GB')} events × ${endpoints} endpoints: ${measured.succeeded.toLocaleString('en-GB')} of ${deliveries.toLocaleString('en-GB')} deliveries ` +
                  `succeeded in ${measured.seconds.toFixed(1)} s (${received.toLocaleString('en-GB')} POSTs received); the bare loop sent as many in ${baselineSeconds.toFixed(1)} s`,
              ],
              figures: [
                {
                  measure: 'webhook deliveries a second',
                  value: rate,
                  unit: 'deliveries/s',
                  baseline: { label: 'bare signed POSTs', value: baselineRate },
                  ratio: { value: rate / baselineRate, unit: 'x' as const },
                },
                {
                  measure: 'worker peak resident memory',
                  value: peak.peakMiB,
                  unit: 'MiB',
                  baseline: { label: 'idle after start', value: idle.rssMiB },
                  ratio: { value: peak.peakMiB / idle.rssMiB, unit: 'x' as const },
                },
              ],
              details: { events, endpoints, deliveries, measured, received, baselineSeconds, memory: { idle, peak } },
            };
          } finally {
            await admin.end();
            await worker.stop();
          }
        });
      });
    } finally {
      await receiver.close();
      await forgetQueues(config, prefix);
    }
  },
};

/** A member to send for, arranged as the superuser (as onboarding would leave it: active, core modules only). */
async function insertBenchMember(config: HearthConfig): Promise<string> {
  const admin = await adminClient(config, SCRATCH_DATABASE);
  try {
    const { rows } = await admin.query(
      `insert into hearth.tenant (slug, name, registration_number, country, languages, keycloak_organization, status)
       values ('bench-webhooks', 'Bench Webhooks', 'BENCH-1', 'england', '{en}', 'bench-webhooks', 'active') returning id`,
    );
    return rows[0].id;
  } finally {
    await admin.end();
  }
}

/** Polls the delivery log until every delivery succeeded or the time is up; seconds from `started`. */
async function untilDelivered(
  admin: { query(sql: string): Promise<{ rows: Array<{ n: number }> }> },
  deliveries: number,
  started: number,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<{ seconds: number; succeeded: number }> {
  let printed = started;
  for (;;) {
    const succeeded = (await admin.query(`select count(*)::int as n from hearth.webhook_delivery where status = 'succeeded'`)).rows[0].n;
    const now = Date.now();
    if (succeeded >= deliveries || now - started > timeoutMs) return { seconds: (now - started) / 1000, succeeded };
    if (now - printed > 10_000) {
      printed = now;
      log(`  ${succeeded.toLocaleString('en-GB')} of ${deliveries.toLocaleString('en-GB')} delivered after ${((now - started) / 1000).toFixed(0)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `deliveries` POSTs of a delivery's size, signed as Hearth signs them, SENDERS at a time, each on a new connection; seconds taken. */
async function bareLoop(receiver: Receiver, deliveries: number): Promise<number> {
  const secret = newWebhookSecret();
  const body = JSON.stringify({ type: 'assets.asset.updated', timestamp: new Date().toISOString(), data: { changed: ['name'], id: randomBytes(16).toString('hex'), aggregateType: 'asset' } });
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: SENDERS }, async () => {
      for (let i = next++; i < deliveries; i = next++) {
        const id = `msg_bench${i}`;
        const timestamp = Math.floor(Date.now() / 1000);
        await post(`${receiver.url}/baseline`, {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader([secret], id, timestamp, body),
        }, body);
      }
    }),
  );
  return (Date.now() - started) / 1000;
}

function post(url: string, headers: Record<string, string>, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A partner's receiver on 127.0.0.1 that answers 200 at once and counts what it gets. */
class Receiver {
  count = 0;
  url = '';
  private readonly server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.count += 1;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** Removes the run's BullMQ keys from the operator's Redis: the bench leaves nothing behind. */
async function forgetQueues(config: HearthConfig, prefix: string): Promise<void> {
  const redis = new IORedis(config.redis.url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
