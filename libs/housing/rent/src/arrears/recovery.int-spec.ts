import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { regionOf, ukDay, WorkingCalendar } from '@hearth/platform-calendar';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RentEvent } from '../rent.permissions';
import { ArrearsTask, type ArrearsOutcome } from './arrears.task';
import { dueDay } from './due-day';
import { adjust, arrangeAccount, RENT_MODULES } from './testing/recovery-context';

let db: TestDatabase;
let app: INestApplicationContext;
let millbrook: TestMember;
let tygwyn: TestMember;

/** A Welsh member's own stages and letters, using every placeholder. */
const WELSH_SETTINGS = {
  recoveryStages: [
    { code: 'reminder', name: 'Nodyn atgoffa', weeksOfRent: 1, minimumPence: 5000, actions: [{ kind: 'letter', template: 'reminder' }] },
    {
      code: 'contact', name: 'Cysylltu', weeksOfRent: 4, minimumPence: 20000,
      actions: [{ kind: 'letter', template: 'reminder' }, { kind: 'task', description: 'Ffoniwch y deiliad contract', dueInWorkingDays: 3 }],
    },
  ],
  letterTemplates: {
    reminder: {
      en: { subject: 'Your {{tenancyWord}}: {{paymentReference}}', body: 'Dear {{name}}, you owe {{balance}} to {{memberName}}. {{unknown}}' },
      cy: { subject: 'Eich {{tenancyWord}}: {{paymentReference}}', body: 'Annwyl {{name}}, mae arnoch chi {{balance}} i {{memberName}}.' },
    },
  },
};

beforeAll(async () => {
  db = await createTestDatabase();
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  tygwyn = await insertMember(db.admin, 'tygwyn', { assets: {}, tenancies: {}, rent: WELSH_SETTINGS }, { country: 'wales', languages: ['cy', 'en'] });
  await db.admin.query(`update hearth.tenant set name = 'Ty Gwyn Housing', name_cy = 'Cymdeithas Tai Tŷ Gwyn' where id = $1`, [tygwyn.id]);
  app = await NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config: db.config, modules: RENT_MODULES, process: 'test' }),
    { logger: false },
  );
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

beforeEach(async () => {
  await db.admin.query(`truncate hearth.outbox_event, hearth.rent_account, hearth.closure_day cascade`);
});

const recover = (member: TestMember = millbrook): Promise<ArrearsOutcome> =>
  app.get(TransactionManager).run({ actor: systemActor('schedule:rent.arrears'), tenantId: member.id }, () => app.get(ArrearsTask).run());

const NOTHING = { arrangementsCompleted: 0, arrangementsBroken: 0, accountsLeft: 0, stagesEntered: 0, lettersWritten: 0, tasksCreated: 0 };

async function stages(accountId: string): Promise<{ stage: string; current: boolean; balance: number }[]> {
  const { rows } = await db.admin.query(
    `select stage, left_at is null as current, balance_pence::int as balance from hearth.arrears_stage_entry where account_id = $1 order by entered_at, left_at nulls last`,
    [accountId],
  );
  return rows;
}

async function letters(accountId: string): Promise<Record<string, unknown>[]> {
  const { rows } = await db.admin.query(
    `select template, language, addressee, subject, body from hearth.rent_letter where account_id = $1 order by created_at, template`,
    [accountId],
  );
  return rows;
}

describe('arrears recovery', () => {
  it('enters the highest stage reached, moves up, holds while arrears fall, leaves when cleared and starts afresh', async () => {
    const account = await arrangeAccount(db.admin, millbrook.id, {
      reference: 'MB-0001', holder: { title: 'Mrs', given: 'Sian', family: 'Jones' }, jointHolder: { given: 'Owen', family: 'Jones' }, rentPence: 10_000,
    });
    expect(await recover()).toEqual(NOTHING);

    await adjust(db.admin, millbrook.id, account, 15_000);
    expect(await recover()).toEqual({ ...NOTHING, stagesEntered: 1, lettersWritten: 1 });
    expect(await recover()).toEqual(NOTHING);
    expect(await letters(account)).toEqual([{
      template: 'reminder', language: 'en', addressee: 'Mrs Sian Jones',
      subject: 'Your rent account MB-0001',
      body: "Dear Mrs Sian Jones,\n\nYour rent account is £150.00 in arrears. If you have already paid, thank you. If not, please pay or contact us on Member millbrook's usual number: we can help.\n\nYours sincerely,\nIncome team, Member millbrook",
    }]);

    // 4.5 weeks and £450: contact, with its letter and the officer's task 5 working days on.
    await adjust(db.admin, millbrook.id, account, 30_000);
    expect(await recover()).toEqual({ ...NOTHING, stagesEntered: 1, lettersWritten: 1, tasksCreated: 1 });
    expect(await stages(account)).toEqual([
      { stage: 'reminder', current: false, balance: 15_000 },
      { stage: 'contact', current: true, balance: 45_000 },
    ]);
    const { rows: tasks } = await db.admin.query(`select kind, description, due_on::text, status, stage_entry_id is not null as linked from hearth.income_task where account_id = $1`, [account]);
    const calendar = new WorkingCalendar(regionOf('england'));
    expect(tasks).toEqual([{
      kind: 'recovery_stage', description: 'Call or visit to agree a payment arrangement and check benefits', due_on: dueDay(calendar, 5), status: 'open', linked: true,
    }]);
    expect(calendar.isWorkingDay(tasks[0].due_on)).toBe(true);

    // Down to 2.5 weeks: still in recovery, at the stage it reached; no letter is sent again.
    await adjust(db.admin, millbrook.id, account, -20_000);
    expect(await recover()).toEqual(NOTHING);
    // Cleared: it leaves recovery.
    await adjust(db.admin, millbrook.id, account, -25_000);
    expect(await recover()).toEqual({ ...NOTHING, accountsLeft: 1 });
    expect((await stages(account)).filter((s) => s.current)).toEqual([]);
    // In arrears again: recovery starts afresh from the stage its arrears reach.
    await adjust(db.admin, millbrook.id, account, 12_000);
    expect(await recover()).toEqual({ ...NOTHING, stagesEntered: 1, lettersWritten: 1 });
    expect((await stages(account)).map((s) => [s.stage, s.current])).toEqual([['reminder', false], ['contact', false], ['reminder', true]]);

    const { rows: events } = await db.admin.query(`select type, aggregate_id, payload from hearth.outbox_event order by seq`);
    expect(events.map((e) => [e.type, e.payload.stage, e.payload.balancePence])).toEqual([
      [RentEvent.ArrearsStageEntered, 'reminder', 15_000],
      [RentEvent.ArrearsStageEntered, 'contact', 45_000],
      [RentEvent.ArrearsStageEntered, 'reminder', 12_000],
    ]);
    expect(events[0]).toMatchObject({ aggregate_id: account, payload: { accountId: account, entryId: expect.any(String) } });
  });

  it('needs both the weeks of rent and the minimum, with a monthly charge counted as 12/52 of it a week', async () => {
    // £130 a month is £30 a week: £40 is over a week, but under the £50 minimum; £60 is both.
    const monthly = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0002', frequency: 'monthly', rentPence: 13_000 });
    // £500 a week: £300 is over the minimum but under a week.
    const weekly = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0003', rentPence: 50_000 });
    await adjust(db.admin, millbrook.id, monthly, 4_000);
    await adjust(db.admin, millbrook.id, weekly, 30_000);
    expect(await recover()).toEqual(NOTHING);
    await adjust(db.admin, millbrook.id, monthly, 2_000);
    await adjust(db.admin, millbrook.id, weekly, 20_000);
    expect(await recover()).toEqual({ ...NOTHING, stagesEntered: 2, lettersWritten: 2 });
    // £12,000 at once is over 8 weeks of the monthly account: straight to notice, which sends no letter.
    await adjust(db.admin, millbrook.id, monthly, 120_000);
    expect(await recover()).toEqual({ ...NOTHING, stagesEntered: 1, tasksCreated: 1 });
    expect((await stages(monthly)).map((s) => [s.stage, s.current])).toEqual([['reminder', false], ['notice', true]]);
  });

  it("writes a Welsh member's own letters in each contract-holder's language, with tasks due on its working days", async () => {
    const welsh = await arrangeAccount(db.admin, tygwyn.id, {
      reference: 'TG-0001', holder: { given: 'Gwenllian', family: 'Ŵyn', language: 'cy' }, rentPence: 10_000,
    });
    const english = await arrangeAccount(db.admin, tygwyn.id, { reference: 'TG-0002', holder: { given: 'Tom', family: 'Price' }, rentPence: 10_000 });
    const nobody = await arrangeAccount(db.admin, tygwyn.id, { reference: 'TG-0003', holder: null, rentPence: 10_000 });
    // The member closes for the next two working days, so the 3 working days of the task are counted after them.
    const region = regionOf('wales');
    const open = new WorkingCalendar(region);
    const closures = [dueDay(open, 1), dueDay(open, 2)];
    for (const day of closures) {
      await db.admin.query(`insert into hearth.closure_day (tenant_id, day, description, created_by) values ($1, $2, 'Staff training', 'test')`, [tygwyn.id, day]);
    }
    for (const account of [welsh, english, nobody]) await adjust(db.admin, tygwyn.id, account, 123_456);

    expect(await recover(tygwyn)).toEqual({ ...NOTHING, stagesEntered: 3, lettersWritten: 3, tasksCreated: 3 });
    expect(await letters(welsh)).toEqual([{
      template: 'reminder', language: 'cy', addressee: 'Gwenllian Ŵyn',
      subject: 'Eich contract meddiannaeth: TG-0001',
      body: 'Annwyl Gwenllian Ŵyn, mae arnoch chi £1,234.56 i Cymdeithas Tai Tŷ Gwyn.',
    }]);
    expect(await letters(english)).toEqual([{
      template: 'reminder', language: 'en', addressee: 'Tom Price',
      subject: 'Your occupation contract: TG-0002',
      body: 'Dear Tom Price, you owe £1,234.56 to Ty Gwyn Housing. {{unknown}}',
    }]);
    expect(await letters(nobody)).toEqual([expect.objectContaining({ addressee: 'The rent account holder', body: expect.stringContaining('Dear The rent account holder,') })]);

    const { rows } = await db.admin.query(`select distinct due_on::text as due from hearth.income_task where tenant_id = $1`, [tygwyn.id]);
    const expected = dueDay(new WorkingCalendar(region, closures), 3);
    expect(rows).toEqual([{ due: expected }]);
    expect(expected > closures[1]).toBe(true);
    expect(expected).not.toBe(dueDay(open, 3));
    expect(expected > ukDay(new Date())).toBe(true);
  });

  it('does not move an account up while it has an active arrangement, but lets it leave', async () => {
    const account = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0004' });
    await adjust(db.admin, millbrook.id, account, 15_000);
    await recover();
    await db.admin.query(
      `insert into hearth.payment_arrangement (tenant_id, account_id, instalment_pence, frequency, starts_on, arrears_pence, created_by)
       values ($1, $2, 1000, 'weekly', current_date + 30, 15000, 'test')`,
      [millbrook.id, account],
    );
    await adjust(db.admin, millbrook.id, account, 50_000);
    expect(await recover()).toEqual(NOTHING);
    expect((await stages(account)).map((s) => [s.stage, s.current])).toEqual([['reminder', true]]);
    await adjust(db.admin, millbrook.id, account, -65_000);
    expect(await recover()).toEqual({ ...NOTHING, accountsLeft: 1, arrangementsCompleted: 1 });
  });

  it("works on the bound member's accounts only", async () => {
    const theirs = await arrangeAccount(db.admin, tygwyn.id, { reference: 'TG-0009' });
    await adjust(db.admin, tygwyn.id, theirs, 15_000);
    expect(await recover(millbrook)).toEqual(NOTHING);
    expect(await recover(tygwyn)).toEqual({ ...NOTHING, stagesEntered: 1, lettersWritten: 1 });
  });

  it('enters each stage, and writes its letters, tasks and event, exactly once with two runs racing', async () => {
    const accounts: string[] = [];
    for (let i = 0; i < 12; i++) accounts.push(await arrangeAccount(db.admin, millbrook.id, { reference: `MB-R${String(i).padStart(3, '0')}` }));
    const totals = { ...NOTHING };
    for (let round = 0; round < 6; round++) {
      // Each round moves every account: up a stage, down out of recovery, back in.
      const step = [15_000, 30_000, 50_000, -95_000, 15_000, 30_000][round];
      for (const account of accounts) await adjust(db.admin, millbrook.id, account, step);
      const outcomes = await Promise.all([recover(), recover()]);
      for (const outcome of outcomes) for (const key of Object.keys(totals) as (keyof ArrearsOutcome)[]) totals[key] += outcome[key];
    }
    // reminder, contact, notice, (left), reminder, contact: 5 entries, 4 letters, 3 tasks an account.
    expect(totals).toEqual({ ...NOTHING, stagesEntered: 60, lettersWritten: 48, tasksCreated: 36, accountsLeft: 12 });
    const { rows: [counts] } = await db.admin.query(
      `select (select count(*)::int from hearth.arrears_stage_entry) as entries,
              (select count(*)::int from hearth.arrears_stage_entry where left_at is null) as current,
              (select count(*)::int from hearth.rent_letter) as letters,
              (select count(*)::int from hearth.income_task) as tasks,
              (select count(*)::int from hearth.outbox_event where type = $1) as events,
              (select count(distinct aggregate_id || (payload->>'entryId'))::int from hearth.outbox_event where type = $1) as distinct_events`,
      [RentEvent.ArrearsStageEntered],
    );
    expect(counts).toEqual({ entries: 60, current: 12, letters: 48, tasks: 36, events: 60, distinct_events: 60 });
  });
});
