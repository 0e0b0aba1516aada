import { randomBytes } from 'node:crypto';
import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Job } from 'bullmq';
import IORedis from 'ioredis';
import { HearthModule, HearthPlatformModule, type DeliveredEvent, type EventHandler } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { EventDispatcher } from './event-dispatcher';
import { JobsModule } from './jobs.module';
import type { TenantJobData } from './queues';

const calls: string[] = [];

@Injectable()
class PostedHandler implements EventHandler {
  async handle(event: DeliveredEvent): Promise<void> {
    calls.push(`posted:${event.type}`);
  }
}

@Injectable()
class EverythingHandler implements EventHandler {
  async handle(event: DeliveredEvent): Promise<void> {
    calls.push(`everything:${event.type}:${event.aggregateId}`);
  }
}

@Injectable()
class OffHandler implements EventHandler {
  async handle(event: DeliveredEvent): Promise<void> {
    calls.push(`off:${event.type}`);
  }
}

@HearthModule({
  key: 'listener',
  name: 'Listener',
  description: 'Handles one type and, through "*", every type.',
  version: '0.0.0',
  events: { handles: { 'thing.posted': PostedHandler, '*': EverythingHandler } },
})
class ListenerModule {}

@HearthModule({
  key: 'switched-off',
  name: 'Switched off',
  description: 'Handles everything but is off for the member.',
  version: '0.0.0',
  events: { handles: { '*': OffHandler } },
})
class SwitchedOffModule {}

const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let app: INestApplicationContext;
let member: TestMember;

beforeAll(async () => {
  db = await createTestDatabase({ REDIS_PREFIX: prefix });
  member = await insertMember(db.admin, 'listening', { listener: {} });
  app = await NestFactory.createApplicationContext(
    { module: class DispatcherTestModule {}, imports: [HearthPlatformModule.forRoot({ config: db.config, modules: [ListenerModule, SwitchedOffModule], process: 'worker' }), JobsModule] },
    { logger: false },
  );
});

afterAll(async () => {
  await app?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

async function event(type: string, aggregateId: string): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.outbox_event (tenant_id, type, aggregate_type, aggregate_id, payload) values ($1, $2, 'thing', $3, '{}') returning id`,
    [member.id, type, aggregateId],
  );
  return rows[0].id;
}

const job = (ids: string[]) => ({ name: 'test', data: { tenantId: member.id, ids } }) as Job<TenantJobData>;

it('calls a module its handler for the type and then its "*" handler; "*" alone receives every other type', async () => {
  const posted = await event('thing.posted', 'a1');
  const other = await event('thing.moved', 'a2');
  calls.length = 0;
  const delivered = await app.get(EventDispatcher).dispatch(job([posted, other]));
  expect(calls.sort()).toEqual(['everything:thing.moved:a2', 'everything:thing.posted:a1', 'posted:thing.posted']);
  expect(delivered).toBe(3);
});

it('skips the "*" handler of a module the member has off', async () => {
  calls.length = 0;
  await app.get(EventDispatcher).dispatch(job([await event('thing.moved', 'a3')]));
  expect(calls.some((call) => call.startsWith('off:'))).toBe(false);
});
