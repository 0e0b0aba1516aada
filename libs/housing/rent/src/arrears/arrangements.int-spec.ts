import { ukDay } from '@hearth/platform-calendar';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RentEvent } from '../rent.permissions';
import { ArrearsTask, type ArrearsOutcome } from './arrears.task';
import { adjust, arrangeAccount, charge, pay, RENT_MODULES } from './testing/recovery-context';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {} });
  api = await serveModulesForTest(db.config, RENT_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

beforeEach(async () => {
  await db.admin.query(`truncate hearth.outbox_event, hearth.rent_account cascade`);
});

const DAY_MS = 86_400_000;
const today = ukDay(new Date());
const daysFromToday = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const officer = (member = 'millbrook') => tokens.user(member, ['income-officer'], { name: 'Nia Rees' });
const ARRANGEMENT = `id accountId instalmentPence frequency startsOn arrearsPence status brokenAt endedAt note createdBy instalments { dueOn amountPence }`;
const RESULT = `__typename ... on PaymentArrangement { ${ARRANGEMENT} } ... on ErrorResult { code message }
  ... on ArrangementInvalid { problems { field message } } ... on ArrangementAlreadyActive { existing { id } } ... on ArrangementNotActive { arrangement { status } }`;
const MAKE = `mutation ($input: MakePaymentArrangementInput!) { makePaymentArrangement(input: $input) { ${RESULT} } }`;
const CANCEL = `mutation ($id: ID!, $reason: String!) { cancelPaymentArrangement(id: $id, reason: $reason) { ${RESULT} } }`;
const ONE = `query ($id: ID!) { paymentArrangement(id: $id) { ${ARRANGEMENT} } }`;
const LIST = `query ($filter: PaymentArrangementsFilter, $after: String) { paymentArrangements(first: 2, filter: $filter, after: $after) {
  totalCount edges { node { id status } } pageInfo { hasNextPage endCursor } } }`;

function dataOf(res: { data?: Record<string, any> | null; errors?: unknown[] }): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}

async function make(input: Record<string, unknown>, token = officer()): Promise<Record<string, any>> {
  return dataOf(await api.gql(MAKE, { input }, { token })).makePaymentArrangement;
}

const check = (member: TestMember = millbrook): Promise<ArrearsOutcome> =>
  api.app.get(TransactionManager).run({ actor: systemActor('schedule:rent.arrears'), tenantId: member.id }, () => api.app.get(ArrearsTask).run());

/** Everything making or cancelling an arrangement writes, to show a refused change wrote nothing. */
async function written(): Promise<Record<string, unknown>> {
  const { rows } = await db.admin.query(
    `select (select json_agg(p order by p.id) from hearth.payment_arrangement p) as arrangements,
            (select count(*)::int from hearth.arrangement_instalment) as instalments,
            (select count(*)::int from hearth.outbox_event) as events,
            (select count(*)::int from hearth.audit_log) as audit`,
  );
  return rows[0];
}

describe('payment arrangements', () => {
  it('generates the schedule until the arrears are covered, weekly, fortnightly and monthly', async () => {
    const weekly = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0001' });
    await adjust(db.admin, millbrook.id, weekly, 3_500);
    const made = await make({ accountId: weekly, instalmentPence: 1_000, frequency: 'WEEKLY', startsOn: '2026-12-07', note: 'Agreed by phone' });
    expect(made).toMatchObject({
      __typename: 'PaymentArrangement', accountId: weekly, instalmentPence: 1_000, frequency: 'WEEKLY', startsOn: '2026-12-07', arrearsPence: 3_500,
      status: 'ACTIVE', brokenAt: null, endedAt: null, note: 'Agreed by phone', createdBy: 'Nia Rees',
      instalments: [
        { dueOn: '2026-12-07', amountPence: 1_000 }, { dueOn: '2026-12-14', amountPence: 1_000 },
        { dueOn: '2026-12-21', amountPence: 1_000 }, { dueOn: '2026-12-28', amountPence: 500 },
      ],
    });

    const fortnightly = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0002' });
    await adjust(db.admin, millbrook.id, fortnightly, 100_000);
    const part = await make({ accountId: fortnightly, instalmentPence: 2_000, frequency: 'FORTNIGHTLY', startsOn: '2026-12-01', arrearsPence: 4_000 });
    expect(part.instalments).toEqual([{ dueOn: '2026-12-01', amountPence: 2_000 }, { dueOn: '2026-12-15', amountPence: 2_000 }]);

    const monthly = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0003' });
    await adjust(db.admin, millbrook.id, monthly, 25_000);
    const months = await make({ accountId: monthly, instalmentPence: 10_000, frequency: 'MONTHLY', startsOn: '2027-01-31' });
    // A month on from the 31st is the end of a shorter month.
    expect(months.instalments).toEqual([
      { dueOn: '2027-01-31', amountPence: 10_000 }, { dueOn: '2027-02-28', amountPence: 10_000 }, { dueOn: '2027-03-31', amountPence: 5_000 },
    ]);

    const { rows: events } = await db.admin.query(`select type, aggregate_id, payload from hearth.outbox_event order by seq`);
    expect(events[0]).toEqual({
      type: RentEvent.ArrangementMade, aggregate_id: made.id,
      payload: { arrangementId: made.id, accountId: weekly, instalmentPence: 1_000, frequency: 'weekly', startsOn: '2026-12-07', arrearsPence: 3_500, instalments: 4 },
    });
    expect(dataOf(await api.gql(ONE, { id: made.id }, { token: officer() })).paymentArrangement).toMatchObject({ id: made.id, arrearsPence: 3_500 });
    expect(dataOf(await api.gql(ONE, { id: made.id }, { token: officer('aber') })).paymentArrangement).toBeNull();
  });

  it('allows one active arrangement per account, and another once it is cancelled', async () => {
    const account = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0004' });
    await adjust(db.admin, millbrook.id, account, 10_000);
    const first = await make({ accountId: account, instalmentPence: 500, frequency: 'WEEKLY', startsOn: daysFromToday(3) });
    const before = await written();
    const second = await make({ accountId: account, instalmentPence: 700, frequency: 'MONTHLY', startsOn: daysFromToday(5) });
    expect(second).toMatchObject({ __typename: 'ArrangementAlreadyActive', code: 'ARRANGEMENT_ALREADY_ACTIVE', existing: { id: first.id } });
    expect(await written()).toEqual(before);

    const cancelled = dataOf(await api.gql(CANCEL, { id: first.id, reason: 'Moving to Direct Debit' }, { token: officer() })).cancelPaymentArrangement;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', endedAt: expect.any(String), note: 'Cancelled: Moving to Direct Debit' });
    const again = dataOf(await api.gql(CANCEL, { id: first.id, reason: 'Twice' }, { token: officer() })).cancelPaymentArrangement;
    expect(again).toMatchObject({ __typename: 'ArrangementNotActive', message: 'The arrangement is already cancelled, so it cannot be cancelled' });
    expect(await make({ accountId: account, instalmentPence: 700, frequency: 'MONTHLY', startsOn: daysFromToday(5) })).toMatchObject({ __typename: 'PaymentArrangement' });

    const active = dataOf(await api.gql(LIST, { filter: { status: 'ACTIVE' } }, { token: officer() })).paymentArrangements;
    expect(active).toMatchObject({ totalCount: 1, edges: [{ node: { status: 'ACTIVE' } }] });
    const page = dataOf(await api.gql(LIST, {}, { token: officer() })).paymentArrangements;
    expect(page).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect(dataOf(await api.gql(LIST, {}, { token: officer('aber') })).paymentArrangements.totalCount).toBe(0);
  });

  it('refuses bad input, an account not in arrears, an unknown or foreign account, and those without the permission, changing nothing', async () => {
    const clear = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0005' });
    const owing = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0006' });
    await adjust(db.admin, millbrook.id, owing, 100_000);
    const theirs = await arrangeAccount(db.admin, aber.id, { reference: 'AB-0001' });
    await adjust(db.admin, aber.id, theirs, 10_000);
    const before = await written();
    const input = { accountId: owing, instalmentPence: 1_000, frequency: 'WEEKLY', startsOn: daysFromToday(7) };

    expect(await make({ ...input, accountId: clear })).toMatchObject({
      __typename: 'ArrangementInvalid', problems: [{ field: 'arrearsPence', message: 'The account is not in arrears (its balance is £0.00), so there is nothing to arrange' }],
    });
    expect(await make({ ...input, instalmentPence: 100 })).toMatchObject({
      __typename: 'ArrangementInvalid', problems: [{ field: 'instalmentPence', message: 'Instalments of £1.00 would take 1000 to clear £1,000.00; an arrangement may have at most 520' }],
    });
    expect(await make({ ...input, startsOn: '2027-02-30' })).toMatchObject({ __typename: 'ArrangementInvalid', message: 'startsOn 2027-02-30 is not a date' });
    expect(await make({ ...input, startsOn: '2019-12-31' })).toMatchObject({ problems: [{ field: 'startsOn', message: 'startsOn must not be before the account was opened, on 2020-01-06' }] });
    expect(await make({ ...input, startsOn: daysFromToday(400) })).toMatchObject({ problems: [{ field: 'startsOn', message: 'startsOn must be at most 366 days ahead' }] });
    expect(await make({ ...input, accountId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ __typename: 'RentAccountNotFound', code: 'RENT_ACCOUNT_NOT_FOUND' });
    expect(await make({ ...input, accountId: theirs })).toMatchObject({ __typename: 'RentAccountNotFound' });

    const zero = await api.gql(MAKE, { input: { ...input, instalmentPence: 0 } }, { token: officer() });
    expect(zero.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(zero.errors)).toContain('instalmentPence must be at least 1');
    const word = await api.gql(MAKE, { input: { ...input, startsOn: 'next week' } }, { token: officer() });
    expect(JSON.stringify(word.errors)).toContain('startsOn must be a date written YYYY-MM-DD');
    const reader = await api.gql(MAKE, { input }, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(reader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const partner = await api.gql(LIST, {}, { token: tokens.partner('allpay', 'millbrook', ['payments:write']) });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql(LIST, {}, { token: tokens.partner('reports', 'millbrook', ['rent:read']) })).errors).toBeUndefined();
    const unknown = dataOf(await api.gql(CANCEL, { id: '00000000-0000-4000-8000-000000000000', reason: 'x' }, { token: officer() })).cancelPaymentArrangement;
    expect(unknown).toMatchObject({ __typename: 'ArrangementNotFound' });
    expect(await written()).toEqual(before);
  });

  it('breaks an arrangement that fell behind once, completes one that cleared the arrears, and keeps one being kept', async () => {
    // Each: £50 of arrears, £10 a week from 14 days ago; rent of £100 charged 14 and 7 days ago.
    // With 7 grace days, two instalments (£20) and two weeks' rent (£200) were due by 7 days ago.
    const arrange = async (reference: string, paid: number) => {
      const account = await arrangeAccount(db.admin, millbrook.id, { reference });
      await adjust(db.admin, millbrook.id, account, 5_000);
      const made = await make({ accountId: account, instalmentPence: 1_000, frequency: 'WEEKLY', startsOn: daysFromToday(-14) });
      await charge(db.admin, millbrook.id, account, 10_000, daysFromToday(-14));
      await charge(db.admin, millbrook.id, account, 10_000, daysFromToday(-7));
      await pay(db.admin, millbrook.id, account, paid, daysFromToday(-10));
      return { account, id: made.id as string };
    };
    const behind = await arrange('MB-0010', 21_999);
    const kept = await arrange('MB-0011', 22_000);
    const cleared = await arrange('MB-0012', 25_000);

    expect(await check()).toMatchObject({ arrangementsBroken: 1, arrangementsCompleted: 1 });
    expect(await check()).toMatchObject({ arrangementsBroken: 0, arrangementsCompleted: 0 });

    const { rows } = await db.admin.query(
      `select id, status, broken_at is not null as broken, ended_at is not null as ended from hearth.payment_arrangement order by id`,
    );
    const status = Object.fromEntries(rows.map((r) => [r.id, [r.status, r.broken, r.ended]]));
    expect(status).toEqual({ [behind.id]: ['broken', true, true], [kept.id]: ['active', false, false], [cleared.id]: ['completed', false, true] });

    const { rows: broken } = await db.admin.query(`select aggregate_id, payload from hearth.outbox_event where type = $1`, [RentEvent.ArrangementBroken]);
    expect(broken).toEqual([{
      aggregate_id: behind.id,
      payload: {
        arrangementId: behind.id, accountId: behind.account, brokenAt: expect.any(String), arrearsPence: 5_000, instalmentPence: 1_000,
        frequency: 'weekly', startsOn: daysFromToday(-14),
      },
    }]);
    const { rows: tasks } = await db.admin.query(`select account_id, arrangement_id, kind, status from hearth.income_task`);
    expect(tasks).toEqual([{ account_id: behind.account, arrangement_id: behind.id, kind: 'arrangement_broken', status: 'open' }]);

    // Broken stays broken, and is not raised again, even once it is paid up.
    await pay(db.admin, millbrook.id, behind.account, 1, daysFromToday(0));
    expect(await check()).toMatchObject({ arrangementsBroken: 0, arrangementsCompleted: 0 });
  });

  it("shows recovery on the account, its letters and arrangements, and the officer's open tasks", async () => {
    const account = await arrangeAccount(db.admin, millbrook.id, { reference: 'MB-0020', holder: { given: 'Alys', family: 'Morgan' } });
    await adjust(db.admin, millbrook.id, account, 45_000);
    await check();
    await make({ accountId: account, instalmentPence: 5_000, frequency: 'WEEKLY', startsOn: daysFromToday(7) });
    const ACCOUNT = `query ($id: ID!) { rentAccount(id: $id) {
      recoveryStage { stage name balancePence enteredBy leftAt } letters { template language addressee subject }
      paymentArrangements { status instalments { amountPence } } } }`;
    const seen = dataOf(await api.gql(ACCOUNT, { id: account }, { token: tokens.user('millbrook', ['housing-officer']) })).rentAccount;
    expect(seen).toEqual({
      recoveryStage: { stage: 'contact', name: 'Officer contact', balancePence: 45_000, enteredBy: 'schedule:rent.arrears', leftAt: null },
      letters: [{ template: 'contact', language: 'EN', addressee: 'Alys Morgan', subject: 'Please contact us about your rent, MB-0020' }],
      paymentArrangements: [{ status: 'ACTIVE', instalments: Array(9).fill({ amountPence: 5_000 }) }],
    });
    const TASKS = `{ incomeTasks(first: 5) { totalCount edges { node { accountId kind description dueOn status } } } }`;
    const tasks = dataOf(await api.gql(TASKS, {}, { token: officer() })).incomeTasks;
    expect(tasks).toMatchObject({ totalCount: 1, edges: [{ node: { accountId: account, kind: 'recovery_stage', status: 'OPEN', dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } }] });
    expect(dataOf(await api.gql(TASKS, {}, { token: officer('aber') })).incomeTasks.totalCount).toBe(0);
  });

  it('breaks each arrangement, with its event and task, exactly once with two runs racing', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const account = await arrangeAccount(db.admin, millbrook.id, { reference: `MB-R${String(i).padStart(3, '0')}` });
      await adjust(db.admin, millbrook.id, account, 5_000);
      ids.push((await make({ accountId: account, instalmentPence: 1_000, frequency: 'WEEKLY', startsOn: daysFromToday(-30) })).id);
    }
    const outcomes = await Promise.all([check(), check()]);
    expect(outcomes.reduce((sum, o) => sum + o.arrangementsBroken, 0)).toBe(10);
    const { rows: [counts] } = await db.admin.query(
      `select (select count(*)::int from hearth.outbox_event where type = $1) as events,
              (select count(distinct aggregate_id)::int from hearth.outbox_event where type = $1) as arrangements,
              (select count(*)::int from hearth.income_task where kind = 'arrangement_broken') as tasks`,
      [RentEvent.ArrangementBroken],
    );
    expect(counts).toEqual({ events: 10, arrangements: 10, tasks: 10 });
    expect(await check()).toMatchObject({ arrangementsBroken: 0 });
  });
});
