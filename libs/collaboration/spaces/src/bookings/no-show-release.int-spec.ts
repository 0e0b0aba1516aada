import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { createTestDatabase, insertGuestOrganisation, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { insertBooking, insertSpace, insertVenue, SPACES_MODULES } from '../testing/spaces-fixtures';
import { NoShowReleaseProcessor } from './no-show-release.processor';

const prefix = `hearth-test-${randomBytes(4).toString('hex')}`;
let db: TestDatabase;
let app: INestApplicationContext;
let member: TestMember;
let guest: TestMember;
let desk: string;
let room: string;
let desk2: string;

const minutesAgo = (minutes: number) => new Date(Math.floor(Date.now() / 60_000) * 60_000 - minutes * 60_000);
const status = async (id: string) => (await db.admin.query(`select status from hearth.space_booking where id = $1`, [id])).rows[0].status;

beforeAll(async () => {
  db = await createTestDatabase({ REDIS_PREFIX: prefix });
  member = await insertMember(db.admin, 'millbrook');
  guest = await insertGuestOrganisation(db.admin, 'cardiff-council');
  const venue = await insertVenue(db.admin, 'Cardiff Hub');
  desk = await insertSpace(db.admin, venue, 'Desk 1');
  room = await insertSpace(db.admin, venue, 'Taff room', { kind: 'room', capacity: 6 });
  desk2 = await insertSpace(db.admin, venue, 'Desk 2');
  app = await NestFactory.createApplicationContext(
    { module: class ReleaseTestModule {}, imports: [HearthPlatformModule.forRoot({ config: db.config, modules: SPACES_MODULES, process: 'worker' })] },
    { logger: false },
  );
  app.enableShutdownHooks();
});

afterAll(async () => {
  await app?.close();
  const redis = new IORedis(db.config.redis.url);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
  await db?.drop();
});

describe('releasing no-shows', () => {
  it("releases every organisation's bookings not checked in by the end of the grace period, and no other", async () => {
    const overdueOfMember = await insertBooking(db.admin, member.id, desk, minutesAgo(31), minutesAgo(-29));
    const overdueOfGuest = await insertBooking(db.admin, guest.id, room, minutesAgo(45), minutesAgo(-15));
    const inGrace = await insertBooking(db.admin, member.id, desk2, minutesAgo(20), minutesAgo(-40));
    const checkedIn = await insertBooking(db.admin, guest.id, desk, minutesAgo(120), minutesAgo(31), { status: 'checked_in' });

    const run = await app.get(NoShowReleaseProcessor).run();
    expect(run.released.sort()).toEqual([overdueOfMember, overdueOfGuest].sort());
    expect(await status(overdueOfMember)).toBe('released');
    expect(await status(overdueOfGuest)).toBe('released');
    expect(await status(inGrace)).toBe('booked');
    expect(await status(checkedIn)).toBe('checked_in');
    // The released desk is free for the rest of its time; the member is told, in its own outbox.
    const { rows: occupancy } = await db.admin.query(`select booking_id from hearth.space_occupancy where booking_id = any($1)`, [[overdueOfMember, overdueOfGuest]]);
    expect(occupancy).toEqual([]);
    const { rows: events } = await db.admin.query(`select tenant_id, aggregate_id from hearth.outbox_event where type = 'spaces.booking.released'`);
    expect(events).toEqual([{ tenant_id: member.id, aggregate_id: overdueOfMember }]);
    const { rows: audit } = await db.admin.query(`select actor_kind, actor_id, after from hearth.organisation_audit_log where operation = 'releaseSpaceNoShows'`);
    expect(audit).toEqual([{ actor_kind: 'system', actor_id: 'spaces.release-no-shows', after: { bookingIds: expect.arrayContaining([overdueOfMember, overdueOfGuest]) } }]);

    // A second run (another worker, the next minute) finds nothing left to release.
    expect((await app.get(NoShowReleaseProcessor).run()).released).toEqual([]);
  });

  it('runs every minute in the worker through a BullMQ job scheduler', async () => {
    const overdue = await insertBooking(db.admin, guest.id, room, minutesAgo(240), minutesAgo(180));
    app.get(NoShowReleaseProcessor).start({ every: 200 });
    const deadline = Date.now() + 15_000;
    while ((await status(overdue)) !== 'released') {
      if (Date.now() > deadline) throw new Error('the scheduled release did not run');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const redis = new IORedis(db.config.redis.url);
    const schedulers = await redis.keys(`${prefix}:hearth-spaces:repeat*`);
    await redis.quit();
    expect(schedulers.length).toBeGreaterThan(0);
  });
});
