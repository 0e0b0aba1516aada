import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionManager, type Actor } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { CalendarModule } from './calendar.module';
import { ClosureDay } from './calendar.model';
import { ClosureDayService } from './closure-day.service';
import { MemberCalendar } from './member-calendar';
import { workingDayAhead } from './testing/days-ahead';

const ADMIN: Actor = { kind: 'user', id: 'admin-1', name: 'Siân Lloyd', roles: ['tenant-admin'], scopes: [], organizations: [] };

let db: TestDatabase;
let app: INestApplicationContext;
let wales: TestMember;
let scotland: TestMember;

beforeAll(async () => {
  db = await createTestDatabase();
  wales = await insertMember(db.admin, 'aber', {}, { country: 'wales', languages: ['cy', 'en'] });
  scotland = await insertMember(db.admin, 'glen', {}, { country: 'scotland' });
  for (const [member, day] of [[wales, '2026-04-07'], [wales, '2026-12-29'], [scotland, '2026-04-06']] as const) {
    await db.admin.query(`insert into hearth.closure_day (tenant_id, day, description, created_by) values ($1, $2, 'Staff training', 'arranged')`, [member.id, day]);
  }
  app = await NestFactory.createApplicationContext(HearthPlatformModule.forRoot({ config: db.config, modules: [CalendarModule], process: 'test' }), { logger: false });
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const as = <T>(member: TestMember, work: () => Promise<T>) => app.get(TransactionManager).run({ actor: ADMIN, tenantId: member.id }, work);
const calendarOf = (member: TestMember) => as(member, () => app.get(MemberCalendar).forCurrentMember());

describe('MemberCalendar', () => {
  it("gives a Welsh member England and Wales's bank holidays and its own closure days", async () => {
    const calendar = await calendarOf(wales);
    expect(calendar.region).toBe('england-and-wales');
    expect(calendar.isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(calendar.isWorkingDay('2026-04-07')).toBe(false); // its closure day
    expect(calendar.isWorkingDay('2026-04-08')).toBe(true);
    // Thursday before Easter, 1 working day: Friday, Monday and its Tuesday closure are skipped.
    expect(calendar.due(new Date('2026-04-02T10:00:00+01:00'), { workingDays: 1 }).toISOString()).toBe('2026-04-08T23:00:00.000Z');
  });

  it("gives a Scottish member Scotland's bank holidays and only its own closure days", async () => {
    const calendar = await calendarOf(scotland);
    expect(calendar.region).toBe('scotland');
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false); // 2nd January
    expect(calendar.isWorkingDay('2026-04-06')).toBe(false); // not Easter Monday, which Scotland works, but its closure day
    expect(calendar.isWorkingDay('2026-04-07')).toBe(true); // the Welsh member's closure day is not Scotland's
    expect(calendar.isWorkingDay('2026-12-29')).toBe(true);
  });

  it('is read once per unit of work', async () => {
    await as(wales, async () => {
      const calendars = app.get(MemberCalendar);
      expect(await calendars.forCurrentMember()).toBe(await calendars.forCurrentMember());
    });
    expect(await calendarOf(wales)).not.toBe(await calendarOf(wales));
  });

  it('sees a closure day added in the same unit of work, and it is gone once removed', async () => {
    const day = workingDayAhead(30);
    await as(wales, async () => {
      const calendars = app.get(MemberCalendar);
      expect((await calendars.forCurrentMember()).isWorkingDay(day)).toBe(true);
      expect(await app.get(ClosureDayService).add(day, 'Office move')).toBeInstanceOf(ClosureDay);
      expect((await calendars.forCurrentMember()).isWorkingDay(day)).toBe(false);
    });
    expect((await calendarOf(wales)).isWorkingDay(day)).toBe(false);
    expect((await calendarOf(scotland)).isWorkingDay(day)).toBe(true);
    await as(wales, () => app.get(ClosureDayService).remove(day));
    expect((await calendarOf(wales)).isWorkingDay(day)).toBe(true);
  });
});
