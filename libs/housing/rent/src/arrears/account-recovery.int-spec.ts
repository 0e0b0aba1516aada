import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { AccountRecoveryService } from './account-recovery.service';
import { arrangeAccount, RENT_MODULES } from './testing/recovery-context';

let db: TestDatabase;
let app: INestApplicationContext;
let millbrook: TestMember;
let other: TestMember;

beforeAll(async () => {
  db = await createTestDatabase();
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  other = await insertMember(db.admin, 'other', { assets: {}, tenancies: {}, rent: {} });
  app = await NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config: db.config, modules: RENT_MODULES, process: 'test' }),
    { logger: false },
  );
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

const asMember = <T>(member: TestMember, fn: (service: AccountRecoveryService) => Promise<T>): Promise<T> =>
  app.get(TransactionManager).run({ actor: systemActor('test'), tenantId: member.id }, () => fn(app.get(AccountRecoveryService)));

async function enter(accountId: string, stage: string, enteredAt: string, leftAt: string | null, tenantId = millbrook.id): Promise<string> {
  const { rows: [entry] } = await db.admin.query(
    `insert into hearth.arrears_stage_entry (tenant_id, account_id, stage, balance_pence, entered_by, entered_at, left_at)
     values ($1, $2, $3, 25000, 'schedule:rent.arrears', $4, $5) returning id`,
    [tenantId, accountId, stage, enteredAt, leftAt],
  );
  return entry.id as string;
}

async function task(accountId: string, description: string, dueOn: string, status = 'open', tenantId = millbrook.id): Promise<void> {
  await db.admin.query(
    `insert into hearth.income_task (tenant_id, account_id, kind, description, due_on, status, done_at)
     values ($1, $2, 'recovery_stage', $3, $4, $5, case when $5 = 'open' then null else now() end)`,
    [tenantId, accountId, description, dueOn, status],
  );
}

describe("an account's recovery history and open tasks", () => {
  it('lists every stage entry newest first with its name, and only open tasks soonest due first, per account', async () => {
    const first = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0101' });
    const second = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0102' });
    await enter(first, 'reminder', '2026-01-05T09:00:00Z', '2026-02-02T09:00:00Z');
    await enter(first, 'contact', '2026-02-02T09:00:00Z', null);
    await enter(first, 'retired-stage', '2025-06-02T09:00:00Z', '2025-07-01T09:00:00Z');
    await task(first, 'Call to agree an arrangement', '2026-02-09');
    await task(first, 'Review the case', '2026-02-04');
    await task(first, 'Done already', '2026-01-10', 'done');

    const history = await asMember(millbrook, (service) => service.historyOf([first, second]));
    expect(history[0].map((entry) => [entry.stage, entry.name, entry.leftAt === null])).toEqual([
      ['contact', 'Officer contact', true],
      ['reminder', 'Friendly reminder', false],
      ['retired-stage', null, false],
    ]);
    expect(history[1]).toEqual([]);

    const tasks = await asMember(millbrook, (service) => service.openTasksOf([first, second]));
    expect(tasks[0].map((t) => [t.description, t.dueOn, t.status])).toEqual([
      ['Review the case', '2026-02-04', 'open'],
      ['Call to agree an arrangement', '2026-02-09', 'open'],
    ]);
    expect(tasks[1]).toEqual([]);
  });

  it("never shows another member's entries or tasks", async () => {
    const theirs = await arrangeAccount(db.admin, other.id, { reference: 'OT-0001' });
    await enter(theirs, 'reminder', '2026-01-05T09:00:00Z', null, other.id);
    await task(theirs, 'Their task', '2026-02-04', 'open', other.id);

    expect(await asMember(millbrook, (service) => service.historyOf([theirs]))).toEqual([[]]);
    expect(await asMember(millbrook, (service) => service.openTasksOf([theirs]))).toEqual([[]]);
    expect((await asMember(other, (service) => service.historyOf([theirs])))[0]).toHaveLength(1);
  });
});
