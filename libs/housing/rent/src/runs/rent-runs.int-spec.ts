import { CalendarModule } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RentModule } from '../rent.module';
import { RentRunProcessor } from './rent-run.processor';
import { insertAccounts, ledgerOf } from './testing/rent-accounts.fixture';
import { RentEvent } from '../rent.permissions';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {} }, { country: 'wales', languages: ['en', 'cy'] });
  await insertMember(db.admin, 'no-rent', { assets: {}, tenancies: {} });
  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = (member = 'millbrook') => tokens.user(member, ['income-officer'], { name: 'Nia Jones' });
const housing = () => tokens.user('millbrook', ['housing-officer'], { name: 'Sam Patel' });

const RUN_FIELDS = `id frequency periodStart periodEnd dryRun status accounts chargesPosted chargesAlreadyPosted totalPence error startedBy startedAt finishedAt`;
const START = `mutation ($input: StartRentRunInput!) {
  startRentRun(input: $input) {
    __typename
    ... on RentRunStarted { run { ${RUN_FIELDS} } }
    ... on ErrorResult { code message }
    ... on RentRunInvalid { problems { field message } }
  }
}`;
const RUN = `query ($id: ID!) { rentRun(id: $id) { ${RUN_FIELDS} sample(first: 3) { paymentReference chargeType amountPence description } } }`;
const RUNS = `query ($after: String) { rentRuns(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { periodStart frequency dryRun } } } }`;

function dataOf(res: { data?: Record<string, any> | null; errors?: unknown[] }): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}

async function start(input: Record<string, unknown>, token = officer()) {
  return dataOf(await api.gql(START, { input }, { token })).startRentRun;
}

/** What the worker does with the job (the worker's own test kills a real one). */
async function work(member: TestMember, runId: string, chunkAccounts?: number) {
  const processor = api.app.get(RentRunProcessor, { strict: false });
  (processor as unknown as { chunkAccounts?: number }).chunkAccounts = chunkAccounts;
  const job = { data: { tenantId: member.id, ids: [runId] }, attemptsMade: 0, opts: { attempts: 3 }, updateProgress: async () => undefined };
  await processor.process(job);
  return dataOf(await api.gql(RUN, { id: runId }, { token: officer(member.slug) })).rentRun;
}

async function run(member: TestMember, input: Record<string, unknown>, chunkAccounts?: number) {
  const started = await start(input, officer(member.slug));
  expect(started.__typename).toBe('RentRunStarted');
  return work(member, started.run.id, chunkAccounts);
}

const charges = async (member: TestMember, periodStart: string) =>
  (
    await db.admin.query(
      `select a.payment_reference, x.charge_type, x.amount_pence::int as pence, x.description, x.period_end::text, x.effective_on::text
       from hearth.rent_transaction x join hearth.rent_account a on a.tenant_id = x.tenant_id and a.id = x.account_id
       where x.tenant_id = $1 and x.period_start = $2 order by 1, 2`,
      [member.id, periodStart],
    )
  ).rows;
const counts = async () =>
  (
    await db.admin.query(
      `select (select count(*)::int from hearth.rent_run) as runs, (select count(*)::int from hearth.rent_transaction) as transactions,
              (select coalesce(sum(balance_pence), 0)::int from hearth.rent_account) as balances`,
    )
  ).rows[0];

describe('weekly rent runs', () => {
  beforeAll(async () => {
    // The April 2026 review raises the rent from week 1 of 2026/27 (Monday 6 April 2026); other charges stay; zero amounts are never charged.
    const charges = [
      { type: 'rent' as const, from: '2020-01-06', pence: 10_000 },
      { type: 'rent' as const, from: '2026-04-06', pence: 10_500 },
      { type: 'service_charge' as const, from: '2020-01-06', pence: 1_550 },
      { type: 'other' as const, from: '2020-01-06', pence: 0 },
    ];
    await insertAccounts(db.admin, millbrook.id, { reference: 'W52-', count: 2, chargeWeeks: 52, charges });
    await insertAccounts(db.admin, millbrook.id, { reference: 'W50-', chargeWeeks: 50, charges });
    await insertAccounts(db.admin, millbrook.id, { reference: 'W48-', chargeWeeks: 48, charges });
    // Around the period: opened after its first day; closed the day before; closed on its first day (charged); tenancy ended before it.
    await insertAccounts(db.admin, millbrook.id, { reference: 'LATE-', openedOn: '2026-04-07', charges });
    await insertAccounts(db.admin, millbrook.id, { reference: 'SHUT-', closedOn: '2026-03-29', charges });
    await insertAccounts(db.admin, millbrook.id, { reference: 'LAST-', closedOn: '2026-03-30', charges });
    await insertAccounts(db.admin, millbrook.id, { reference: 'GONE-', tenancyEnd: '2026-03-15', charges });
    // A schedule that starts later has nothing in force yet.
    await insertAccounts(db.admin, millbrook.id, { reference: 'NEW-', charges: [{ type: 'rent', from: '2026-04-06', pence: 9_000 }] });
    await insertAccounts(db.admin, millbrook.id, { reference: 'MONTH-', frequency: 'monthly', charges: [{ type: 'rent', from: '2020-01-01', pence: 45_000 }] });
  });

  it("posts week 52's charges from the schedule in force, skipping 50- and 48-week accounts' rent-free week, and idempotently", async () => {
    const first = await run(millbrook, { frequency: 'WEEKLY', periodStart: '2026-03-30' });
    expect(first).toMatchObject({
      frequency: 'WEEKLY', periodStart: '2026-03-30', periodEnd: '2026-04-05', dryRun: false, status: 'SUCCEEDED',
      accounts: 3, chargesPosted: 6, chargesAlreadyPosted: 0, totalPence: 3 * 11_550, startedBy: 'Nia Jones', sample: null,
    });
    expect(await charges(millbrook, '2026-03-30')).toEqual([
      { payment_reference: 'LAST-000001', charge_type: 'rent', pence: 10_000, description: 'Rent w/c 30 Mar 2026', period_end: '2026-04-05', effective_on: '2026-03-30' },
      { payment_reference: 'LAST-000001', charge_type: 'service_charge', pence: 1_550, description: 'Service charge w/c 30 Mar 2026', period_end: '2026-04-05', effective_on: '2026-03-30' },
      ...['W52-000001', 'W52-000002'].flatMap((ref) => [
        expect.objectContaining({ payment_reference: ref, charge_type: 'rent', pence: 10_000 }),
        expect.objectContaining({ payment_reference: ref, charge_type: 'service_charge', pence: 1_550 }),
      ]),
    ]);

    const before = await ledgerOf(db.admin, millbrook.id);
    const again = await run(millbrook, { frequency: 'WEEKLY', periodStart: '2026-03-30' });
    expect(again).toMatchObject({ status: 'SUCCEEDED', accounts: 3, chargesPosted: 0, chargesAlreadyPosted: 6, totalPence: 0 });
    const after = await ledgerOf(db.admin, millbrook.id);
    expect(after).toEqual(before);
    expect(after).toMatchObject({ charges: 6, duplicates: 0, balancesWrong: 0, total: 3 * 11_550 });
  });

  it('charges week 1 at the reviewed rent, every pattern, in small chunks alike', async () => {
    const week1 = await run(millbrook, { frequency: 'WEEKLY', periodStart: '2026-04-06' }, 2);
    // W52 ×2, W50, W48, NEW (rent only); LATE opens on the 7th, SHUT and LAST closed, GONE's tenancy ended.
    expect(week1).toMatchObject({ status: 'SUCCEEDED', accounts: 5, chargesPosted: 9, chargesAlreadyPosted: 0, totalPence: 4 * 12_050 + 9_000 });
    const posted = await charges(millbrook, '2026-04-06');
    expect(posted.filter((c) => c.charge_type === 'rent').map((c) => [c.payment_reference, c.pence])).toEqual([
      ['NEW-000001', 9_000], ['W48-000001', 10_500], ['W50-000001', 10_500], ['W52-000001', 10_500], ['W52-000002', 10_500],
    ]);
    expect(await ledgerOf(db.admin, millbrook.id)).toMatchObject({ duplicates: 0, balancesWrong: 0 });
  });

  it('a run delivered again after it was cut short counts the charges it posted before as its own', async () => {
    const runId = (await run(millbrook, { frequency: 'WEEKLY', periodStart: '2026-04-27' })).id;
    // As if its worker died before the last chunk: still running, its counts from the chunks that committed.
    await db.admin.query(`update hearth.rent_run set status = 'running', charges_posted = 3 where id = $1`, [runId]);
    expect(await work(millbrook, runId, 2)).toMatchObject({ status: 'SUCCEEDED', accounts: 6, chargesPosted: 11, chargesAlreadyPosted: 0, totalPence: 5 * 12_050 + 9_000 });
    expect(await ledgerOf(db.admin, millbrook.id)).toMatchObject({ duplicates: 0, balancesWrong: 0 });
  });

  it('a dry run counts what it would post, with a sample, and writes nothing to the ledger', async () => {
    const before = await ledgerOf(db.admin, millbrook.id);
    const dry = await run(millbrook, { frequency: 'WEEKLY', periodStart: '2026-04-13', dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, status: 'SUCCEEDED', accounts: 6, chargesPosted: 11, chargesAlreadyPosted: 0, totalPence: 5 * 12_050 + 9_000 });
    expect(dry.sample).toEqual([
      { paymentReference: 'LATE-000001', chargeType: 'RENT', amountPence: 10_500, description: 'Rent w/c 13 Apr 2026' },
      { paymentReference: 'LATE-000001', chargeType: 'SERVICE_CHARGE', amountPence: 1_550, description: 'Service charge w/c 13 Apr 2026' },
      { paymentReference: 'NEW-000001', chargeType: 'RENT', amountPence: 9_000, description: 'Rent w/c 13 Apr 2026' },
    ]);
    expect(await ledgerOf(db.admin, millbrook.id)).toEqual(before);
    const { rows } = await db.admin.query(`select count(*)::int as n from hearth.outbox_event where type = 'rent.run.completed' and aggregate_id = $1`, [dry.id]);
    expect(rows[0].n).toBe(0);
  });

  it('queues the job through the outbox and announces a completed run', async () => {
    const { rows } = await db.admin.query(
      `select type, payload from hearth.outbox_event where tenant_id = $1 and type in ($2, 'rent.run.completed') order by seq`,
      [millbrook.id, RentEvent.RunQueued],
    );
    expect(rows[0]).toMatchObject({ type: RentEvent.RunQueued, payload: { frequency: 'weekly', periodStart: '2026-03-30', dryRun: false } });
    expect(rows.find((r) => r.type === 'rent.run.completed')).toMatchObject({
      payload: { frequency: 'weekly', periodStart: '2026-03-30', periodEnd: '2026-04-05', accounts: 3, chargesPosted: 6, chargesAlreadyPosted: 0, totalPence: 34_650 },
    });
  });
});

describe('monthly rent runs', () => {
  it('posts the calendar month for monthly accounts only', async () => {
    const month = await run(millbrook, { frequency: 'MONTHLY', periodStart: '2026-04-01' });
    expect(month).toMatchObject({ periodEnd: '2026-04-30', accounts: 1, chargesPosted: 1, totalPence: 45_000 });
    expect(await charges(millbrook, '2026-04-01')).toEqual([
      { payment_reference: 'MONTH-000001', charge_type: 'rent', pence: 45_000, description: 'Rent April 2026', period_end: '2026-04-30', effective_on: '2026-04-01' },
    ]);
  });
});

describe('refusals', () => {
  it.each([
    ['a weekly run not on a Monday', { frequency: 'WEEKLY', periodStart: '2026-04-07' },
      'periodStart must be a Monday (weekly periods run Monday to Sunday): Tuesday 7 April 2026 is a Tuesday; its week starts on Monday 6 April 2026'],
    ['a monthly run not on the 1st', { frequency: 'MONTHLY', periodStart: '2026-04-02' },
      "periodStart must be the 1st of a month (monthly periods are calendar months): Thursday 2 April 2026's month starts on Wednesday 1 April 2026"],
    ['a day that does not exist', { frequency: 'MONTHLY', periodStart: '2026-02-30' }, 'periodStart must be a date written YYYY-MM-DD, not "2026-02-30"'],
  ])('refuses %s, queueing nothing', async (_, input, message) => {
    const before = await counts();
    expect(await start(input)).toEqual({ __typename: 'RentRunInvalid', code: 'RENT_RUN_INVALID', message, problems: [{ field: 'periodStart', message }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a member with no accounts of the frequency, and one without the rent module', async () => {
    const before = await counts();
    expect(await start({ frequency: 'MONTHLY', periodStart: '2026-04-01' }, officer('aber'))).toMatchObject({
      __typename: 'NoRentAccounts', code: 'NO_RENT_ACCOUNTS', message: 'There are no monthly rent accounts to charge: open accounts for tenancies first',
    });
    const off = await api.gql(START, { input: { frequency: 'WEEKLY', periodStart: '2026-04-06' } }, { token: officer('no-rent') });
    expect(off.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    const malformed = await api.gql(START, { input: { frequency: 'WEEKLY', periodStart: '6 April 2026' } }, { token: officer() });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('lets income officers start runs and any staff read them; a housing officer cannot start one', async () => {
    const before = await counts();
    const denied = await api.gql(START, { input: { frequency: 'WEEKLY', periodStart: '2026-04-20' } }, { token: housing() });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);

    const page1 = dataOf(await api.gql(RUNS, {}, { token: housing() })).rentRuns;
    expect(page1.totalCount).toBe(6);
    expect(page1.edges.map((e: any) => e.node)).toEqual([
      { periodStart: '2026-04-27', frequency: 'WEEKLY', dryRun: false },
      { periodStart: '2026-04-13', frequency: 'WEEKLY', dryRun: true },
    ]);
    const page2 = dataOf(await api.gql(RUNS, { after: page1.pageInfo.endCursor }, { token: housing() })).rentRuns;
    expect(page2.edges.map((e: any) => e.node.periodStart)).toEqual(['2026-04-06', '2026-04-01']);
    // Another member sees none of them.
    expect(dataOf(await api.gql(RUNS, {}, { token: officer('aber') })).rentRuns.totalCount).toBe(0);
    const runId = page1.edges.length && (await db.admin.query(`select id from hearth.rent_run where tenant_id = $1 limit 1`, [millbrook.id])).rows[0].id;
    expect(dataOf(await api.gql(RUN, { id: runId }, { token: officer('aber') })).rentRun).toBeNull();
  });
});
