import { CalendarModule } from '@hearth/platform-calendar';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImportsModule } from '@hearth/platform-imports';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { RentModule } from '../rent.module';
import { insertAccounts } from '../runs/testing/rent-accounts.fixture';
import { Ledger } from './ledger.service';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {} });
  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const income = (member = 'millbrook') => tokens.user(member, ['income-officer'], { name: 'Catrin Hughes' });
const officer = () => tokens.user('millbrook', ['housing-officer'], { name: 'Ffion Evans' });

function dataOf(res: { data?: Record<string, any> | null; errors?: unknown[] }): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}

/** A dwelling and a tenancy of it, arranged in SQL so these tests do not lean on the tenancies module's services. */
async function arrangeTenancy(member: TestMember, startDate = '2025-04-07', familyName = 'Jones'): Promise<string> {
  const { rows } = await db.admin.query(
    `with dwelling as (insert into hearth.asset (tenant_id, kind, address_line_1, postcode) values ($1, 'dwelling', '3 Stryd Fawr', 'SA1 1AA') returning id),
     tenancy as (insert into hearth.tenancy (tenant_id, dwelling_id, tenure_type, start_date) select $1, id, 'assured', $2 from dwelling returning id),
     person as (insert into hearth.person (tenant_id, given_name, family_name) values ($1, 'Sian', $3) returning id),
     party as (insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role, joined_on) select $1, t.id, p.id, 'tenant', $2 from tenancy t, person p)
     select id from tenancy`,
    [member.id, startDate, familyName],
  );
  return rows[0].id;
}

/** Row counts of what account changes write, to show a refused change wrote nothing. */
async function counts(): Promise<Record<string, number>> {
  const tables = ['rent_account', 'rent_charge_schedule', 'rent_transaction', 'payment', 'audit_log', 'outbox_event'];
  const { rows } = await db.admin.query(`select ${tables.map((t) => `(select count(*)::int from hearth.${t}) as ${t}`).join(', ')}`);
  return rows[0];
}

/** Every account whose balance is not the sum of its transactions: none, always. */
async function driftedAccounts(): Promise<unknown[]> {
  const { rows } = await db.admin.query(
    `select a.id, a.balance_pence, coalesce(sum(t.amount_pence), 0) as ledger from hearth.rent_account a
     left join hearth.rent_transaction t on t.tenant_id = a.tenant_id and t.account_id = a.id
     group by a.tenant_id, a.id having a.balance_pence <> coalesce(sum(t.amount_pence), 0)`,
  );
  return rows;
}

async function insertPayment(member: TestMember, amountPence: number, receivedOn = '2025-05-01'): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.payment (tenant_id, source, channel, payment_reference, amount_pence, received_on, created_by)
     values ($1, 'staff', 'bank', 'ANY', $2, $3, 'test') returning id`,
    [member.id, amountPence, receivedOn],
  );
  return rows[0].id;
}

/** Runs `fn` as an income officer's unit of work for the member, as a request would. */
function asMember<T>(member: TestMember, fn: () => Promise<T>): Promise<T> {
  return api.app.get(TransactionManager).run({ actor: { ...systemActor('test'), name: 'Catrin Hughes' }, tenantId: member.id }, fn);
}

const ACCOUNT = `id tenancyId paymentReference frequency chargeWeeks openedOn closedOn balancePence weeklyChargePence weeksInArrears band { code }
  charges { chargeType effectiveFrom amountPence }`;
const RESULT = `__typename ... on RentAccount { ${ACCOUNT} } ... on ErrorResult { code message } ... on RentInputInvalid { problems { field message } }`;
const OPEN = `mutation ($input: OpenRentAccountInput!) { openRentAccount(input: $input) { ${RESULT} } }`;
const SET_CHARGE = `mutation ($input: SetRentChargeInput!) { setRentCharge(input: $input) {
  __typename ... on RentCharge { chargeType effectiveFrom amountPence createdBy } ... on ErrorResult { code message } ... on RentChargeExists { existing { amountPence } } } }`;
const REVIEW = `mutation ($input: ReviewRentsInput!) { reviewRents(input: $input) { __typename ... on RentReview { chargesAdded chargesAlreadySet } } }`;
const CLOSE = `mutation ($input: CloseRentAccountInput!) { closeRentAccount(input: $input) { ${RESULT} } }`;
const TX = `id kind amountPence effectiveOn description paymentId pairId runningBalancePence`;
const REFUND = `mutation ($input: RefundPaymentInput!) { refundPayment(input: $input) {
  __typename ... on RentTransaction { ${TX} } ... on ErrorResult { code message } ... on RefundExceedsPayment { unrefundedPence } } }`;
const TRANSFER = `mutation ($input: TransferRentCreditInput!) { transferRentCredit(input: $input) {
  __typename ... on RentTransfer { pairId transferOut { ${TX} accountId } transferIn { ${TX} accountId } } ... on ErrorResult { code message } ... on InsufficientCredit { creditPence } } }`;
const ADJUST = `mutation ($input: AdjustRentAccountInput!) { adjustRentAccount(input: $input) { __typename ... on RentTransaction { ${TX} } ... on ErrorResult { code } } }`;
const GET = `query ($id: ID!, $first: Int, $after: String) { rentAccount(id: $id) { ${ACCOUNT} tenancy { id startDate }
  transactions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${TX} } } } } }`;
const LIST = `query ($filter: RentAccountsFilter, $after: String) { rentAccounts(first: 2, filter: $filter, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { paymentReference balancePence band { code } } } } }`;

describe('opening, charging and closing rent accounts', () => {
  it('opens a weekly account with a generated reference and its charges, audited and announced', async () => {
    const tenancyId = await arrangeTenancy(millbrook);
    const opened = dataOf(await api.gql(OPEN, {
      input: {
        tenancyId, frequency: 'WEEKLY', chargeWeeks: 50, openedOn: '2025-04-07',
        charges: [{ chargeType: 'RENT', amountPence: 11_000, effectiveFrom: '2025-04-07' }, { chargeType: 'SERVICE_CHARGE', amountPence: 1_250, effectiveFrom: '2025-04-07' }],
      },
    }, { token: income() })).openRentAccount;
    expect(opened).toMatchObject({
      __typename: 'RentAccount', tenancyId, frequency: 'WEEKLY', chargeWeeks: 50, openedOn: '2025-04-07', closedOn: null, balancePence: 0,
      weeklyChargePence: 12_250, weeksInArrears: 0, band: { code: 'clear' },
      charges: [{ chargeType: 'RENT', effectiveFrom: '2025-04-07', amountPence: 11_000 }, { chargeType: 'SERVICE_CHARGE', effectiveFrom: '2025-04-07', amountPence: 1_250 }],
    });
    expect(opened.paymentReference).toMatch(/^R\d{8}$/);
    const { rows: events } = await db.admin.query(`select payload from hearth.outbox_event where type = 'rent.account.opened' and aggregate_id = $1`, [opened.id]);
    expect(events).toEqual([{ payload: expect.objectContaining({ tenancyId, paymentReference: opened.paymentReference, chargeWeeks: 50 }) }]);
  });

  it('opens a monthly account with a reference given (normalised), and refuses a second account, a taken reference and a missing tenancy', async () => {
    const tenancyId = await arrangeTenancy(millbrook);
    const input = { tenancyId, frequency: 'MONTHLY', openedOn: '2025-05-01', paymentReference: ' mb 0001 ', charges: [{ chargeType: 'RENT', amountPence: 52_000, effectiveFrom: '2025-05-01' }] };
    const opened = dataOf(await api.gql(OPEN, { input }, { token: income() })).openRentAccount;
    expect(opened).toMatchObject({ paymentReference: 'MB0001', frequency: 'MONTHLY', chargeWeeks: null, weeklyChargePence: 12_000 });

    const before = await counts();
    expect(dataOf(await api.gql(OPEN, { input }, { token: income() })).openRentAccount)
      .toMatchObject({ __typename: 'RentAccountExists', code: 'RENT_ACCOUNT_EXISTS', message: 'The tenancy already has rent account MB0001' });
    const other = await arrangeTenancy(millbrook);
    expect(dataOf(await api.gql(OPEN, { input: { ...input, tenancyId: other } }, { token: income() })).openRentAccount)
      .toMatchObject({ __typename: 'PaymentReferenceTaken', message: 'Payment reference MB0001 belongs to another account' });
    expect(dataOf(await api.gql(OPEN, { input: { ...input, tenancyId: '00000000-0000-4000-8000-000000000000' } }, { token: income() })).openRentAccount)
      .toMatchObject({ __typename: 'TenancyNotFound' });
    expect(await counts()).toEqual(before);
  });

  it('refuses charge weeks on a monthly account, dates before the tenancy or the account, and bad input, with nothing changed', async () => {
    const tenancyId = await arrangeTenancy(millbrook, '2025-06-02');
    const before = await counts();
    const invalid = dataOf(await api.gql(OPEN, {
      input: {
        tenancyId, frequency: 'MONTHLY', chargeWeeks: 52, openedOn: '2025-06-01',
        charges: [{ chargeType: 'RENT', amountPence: 100, effectiveFrom: '2025-05-01' }, { chargeType: 'RENT', amountPence: 100, effectiveFrom: '2025-05-01' }],
      },
    }, { token: income() })).openRentAccount;
    expect(invalid.problems).toEqual([
      { field: 'chargeWeeks', message: 'chargeWeeks applies to weekly accounts only: a monthly account is charged every calendar month' },
      { field: 'openedOn', message: 'openedOn must not be before the tenancy started (2025-06-02)' },
      { field: 'charges[0].effectiveFrom', message: 'effectiveFrom must not be before the account opens (2025-06-01)' },
      { field: 'charges[1].effectiveFrom', message: 'effectiveFrom must not be before the account opens (2025-06-01)' },
      { field: 'charges[1]', message: 'charges gives rent from 2025-05-01 twice' },
    ]);
    const bad = await api.gql(OPEN, {
      input: { tenancyId, frequency: 'WEEKLY', chargeWeeks: 51, openedOn: '2025-02-30', paymentReference: 'no', charges: [] },
    }, { token: income() });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const message of ['chargeWeeks must be 52, 50 or 48', 'openedOn must be a date written YYYY-MM-DD', 'charges must give at least one charge', 'paymentReference must be 3 to 30']) {
      expect(JSON.stringify(bad.errors)).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });

  it('adds schedule rows, refuses one on a day already set or before the account opened, and closes once', async () => {
    const [accountId] = await insertAccounts(db.admin, millbrook.id, { reference: 'SC', openedOn: '2025-04-07', charges: [{ type: 'rent', from: '2025-04-07', pence: 10_000 }] });
    const set = (input: Record<string, unknown>) => api.gql(SET_CHARGE, { input: { accountId, chargeType: 'RENT', ...input } }, { token: income() });
    expect(dataOf(await set({ amountPence: 10_500, effectiveFrom: '2025-10-06', description: 'Improvement' })).setRentCharge)
      .toEqual({ __typename: 'RentCharge', chargeType: 'RENT', effectiveFrom: '2025-10-06', amountPence: 10_500, createdBy: 'Catrin Hughes' });
    const before = await counts();
    expect(dataOf(await set({ amountPence: 99, effectiveFrom: '2025-10-06' })).setRentCharge).toMatchObject({
      __typename: 'RentChargeExists', message: "The account's rent is already set from 2025-10-06 (10500 pence)", existing: { amountPence: 10_500 },
    });
    expect(dataOf(await set({ amountPence: 99, effectiveFrom: '2025-01-06' })).setRentCharge).toMatchObject({
      __typename: 'RentInputInvalid', message: 'effectiveFrom must not be before the account opened (2025-04-07)',
    });
    expect(await counts()).toEqual(before);

    const close = (closedOn: string) => api.gql(CLOSE, { input: { accountId, closedOn } }, { token: income() });
    expect(dataOf(await close('2025-01-01')).closeRentAccount).toMatchObject({ __typename: 'RentInputInvalid' });
    expect(dataOf(await close('2026-03-29')).closeRentAccount).toMatchObject({ __typename: 'RentAccount', closedOn: '2026-03-29' });
    expect(dataOf(await close('2026-03-30')).closeRentAccount).toMatchObject({ __typename: 'RentAccountClosed', message: `Rent account ${accountId} was closed on 2026-03-29` });
    expect(dataOf(await set({ amountPence: 1, effectiveFrom: '2026-04-06' })).setRentCharge).toMatchObject({ __typename: 'RentAccountClosed' });
  });
});

describe('the April rent review', () => {
  it('adds a row per open account and charge type, rounded to the penny, once however often it is repeated', async () => {
    const member = await insertMember(db.admin, 'review', { assets: {}, tenancies: {}, rent: {} });
    const token = tokens.user('review', ['income-officer'], { name: 'Catrin Hughes' });
    const charges = [{ type: 'rent' as const, from: '2025-04-07', pence: 10_001 }, { type: 'service_charge' as const, from: '2025-04-07', pence: 999 }];
    const open = await insertAccounts(db.admin, member.id, { reference: 'RV', count: 3, openedOn: '2025-04-07', charges });
    await insertAccounts(db.admin, member.id, { reference: 'RC', openedOn: '2025-04-07', closedOn: '2026-01-04', charges });
    const input = { effectiveFrom: '2026-04-06', percent: 4.8, chargeTypes: ['RENT'] };

    expect(dataOf(await api.gql(REVIEW, { input }, { token })).reviewRents).toEqual({ __typename: 'RentReview', chargesAdded: 3, chargesAlreadySet: 0 });
    const { rows } = await db.admin.query(
      `select charge_type, amount_pence::int as amount from hearth.rent_charge_schedule where tenant_id = $1 and effective_from = '2026-04-06' order by account_id`, [member.id]);
    // 10,001 × 1.048 = 10,481.048: 10,481 pence. The closed account and the service charge are untouched.
    expect(rows).toEqual(open.map(() => ({ charge_type: 'rent', amount: 10_481 })));
    const events = await db.admin.query(`select count(*)::int as n from hearth.outbox_event where tenant_id = $1 and type = 'rent.charges.reviewed'`, [member.id]);
    expect(events.rows[0].n).toBe(3);

    const before = await counts();
    expect(dataOf(await api.gql(REVIEW, { input: { ...input, percent: 9 } }, { token })).reviewRents).toEqual({ __typename: 'RentReview', chargesAdded: 0, chargesAlreadySet: 3 });
    expect({ ...(await counts()), audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  });

  it('refuses a review without charge types or beyond ±50%', async () => {
    const bad = await api.gql(REVIEW, { input: { effectiveFrom: '2026-04-06', percent: 75, chargeTypes: [] } }, { token: income() });
    expect(JSON.stringify(bad.errors)).toContain('percent must be between -50 and 50');
    expect(JSON.stringify(bad.errors)).toContain('chargeTypes must name at least one charge type');
  });
});

describe('the ledger', () => {
  it('allocates a payment once, posting its negative transaction and the event in one go', async () => {
    const [accountId] = await insertAccounts(db.admin, millbrook.id, { reference: 'AL', openedOn: '2025-04-07' });
    const paymentId = await insertPayment(millbrook, 4_000);
    const first = await asMember(millbrook, () => api.app.get(Ledger).allocatePayment(paymentId, accountId));
    expect(first).toMatchObject({ paymentId, accountId, transaction: { kind: 'payment', amountPence: -4_000, effectiveOn: '2025-05-01', paymentId, description: 'Payment by bank transfer' } });
    const before = await counts();
    const second = await asMember(millbrook, () => api.app.get(Ledger).allocatePayment(paymentId, accountId));
    expect(second).toMatchObject({ code: 'PAYMENT_ALREADY_ALLOCATED' });
    expect(await counts()).toEqual(before);
    const { rows } = await db.admin.query(`select balance_pence::int as b, (select allocated_by from hearth.payment where id = $2) as by from hearth.rent_account where id = $1`, [accountId, paymentId]);
    expect(rows[0]).toEqual({ b: -4_000, by: 'Catrin Hughes' });
  });

  it('refunds a payment in parts, never more than is left of it, paired with its transaction', async () => {
    const [accountId] = await insertAccounts(db.admin, millbrook.id, { reference: 'RF', openedOn: '2025-04-07' });
    const paymentId = await insertPayment(millbrook, 5_000);
    const allocated = await asMember(millbrook, () => api.app.get(Ledger).allocatePayment(paymentId, accountId));
    const paymentTx = (allocated as { transaction: { id: string } }).transaction.id;
    const refund = (amountPence: number) => api.gql(REFUND, { input: { paymentId, amountPence, reason: 'Paid twice by mistake' } }, { token: income() });

    expect(dataOf(await refund(3_000)).refundPayment).toMatchObject({ __typename: 'RentTransaction', kind: 'REFUND', amountPence: 3_000, paymentId, pairId: paymentTx, description: 'Refund: Paid twice by mistake' });
    const before = await counts();
    expect(dataOf(await refund(2_001)).refundPayment).toMatchObject({ __typename: 'RefundExceedsPayment', unrefundedPence: 2_000, message: `Only 2000 pence of payment ${paymentId} is left to refund` });
    expect(await counts()).toEqual(before);
    expect(dataOf(await refund(2_000)).refundPayment).toMatchObject({ __typename: 'RentTransaction' });
    expect(dataOf(await refund(1)).refundPayment).toMatchObject({ unrefundedPence: 0 });

    const suspense = await insertPayment(millbrook, 700);
    expect(dataOf(await api.gql(REFUND, { input: { paymentId: suspense, amountPence: 1, reason: 'Unknown payer' } }, { token: income() })).refundPayment)
      .toMatchObject({ __typename: 'PaymentNotAllocated' });
    expect(await driftedAccounts()).toEqual([]);
    const account = dataOf(await api.gql(GET, { id: accountId }, { token: officer() })).rentAccount;
    expect(account.balancePence).toBe(0);
  });

  it('transfers only credit, as a pair, and the balances follow', async () => {
    const [from, to] = await insertAccounts(db.admin, millbrook.id, { reference: 'TR', count: 2, openedOn: '2025-04-07' });
    const transfer = (amountPence: number, toAccountId = to) =>
      api.gql(TRANSFER, { input: { fromAccountId: from, toAccountId, amountPence, reason: 'Credit from former tenancy' } }, { token: income() });
    const before = await counts();
    expect(dataOf(await transfer(100)).transferRentCredit).toMatchObject({ __typename: 'InsufficientCredit', creditPence: 0 });
    expect(dataOf(await transfer(100, from)).transferRentCredit).toMatchObject({ __typename: 'RentInputInvalid', message: 'A transfer needs two different accounts' });
    expect(await counts()).toEqual(before);

    await asMember(millbrook, async () => api.app.get(Ledger).allocatePayment(await insertPayment(millbrook, 2_500), from));
    expect(dataOf(await transfer(2_501)).transferRentCredit).toMatchObject({ __typename: 'InsufficientCredit', creditPence: 2_500 });
    const moved = dataOf(await transfer(2_500)).transferRentCredit;
    expect(moved).toMatchObject({
      __typename: 'RentTransfer',
      transferOut: { accountId: from, kind: 'TRANSFER_OUT', amountPence: 2_500, pairId: moved.pairId },
      transferIn: { accountId: to, kind: 'TRANSFER_IN', amountPence: -2_500, pairId: moved.pairId },
    });
    const { rows } = await db.admin.query(`select id, balance_pence::int as b from hearth.rent_account where id = any($1) order by payment_reference`, [[from, to]]);
    expect(rows).toEqual([{ id: from, b: 0 }, { id: to, b: -2_500 }]);
    expect(await driftedAccounts()).toEqual([]);
  });

  it('lists transactions newest first with the running balance, paged, and adjusts with a reason', async () => {
    const [accountId] = await insertAccounts(db.admin, millbrook.id, { reference: 'RB', openedOn: '2025-04-07' });
    await db.admin.query(
      `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, posted_by)
       select $1, $2, 'charge', 10000, d::date, 'Rent', 'rent', d::date, d::date + 6, 'test' from generate_series('2025-04-07'::date, '2025-04-21', '7 days') d`,
      [millbrook.id, accountId],
    );
    expect(dataOf(await api.gql(ADJUST, { input: { accountId, amountPence: -2_500, effectiveOn: '2025-04-10', reason: 'Goodwill for the leak' } }, { token: income() })).adjustRentAccount)
      .toMatchObject({ kind: 'ADJUSTMENT', amountPence: -2_500, description: 'Adjustment: Goodwill for the leak' });
    const page1 = dataOf(await api.gql(GET, { id: accountId, first: 2 }, { token: officer() })).rentAccount;
    expect(page1.balancePence).toBe(27_500);
    expect(page1.transactions.totalCount).toBe(4);
    expect(page1.transactions.edges.map((e: any) => [e.node.effectiveOn, e.node.runningBalancePence])).toEqual([['2025-04-21', 27_500], ['2025-04-14', 17_500]]);
    const page2 = dataOf(await api.gql(GET, { id: accountId, first: 2, after: page1.transactions.pageInfo.endCursor }, { token: officer() })).rentAccount;
    expect(page2.transactions.edges.map((e: any) => [e.node.effectiveOn, e.node.amountPence, e.node.runningBalancePence]))
      .toEqual([['2025-04-10', -2_500, 7_500], ['2025-04-07', 10_000, 10_000]]);
    expect(page2.transactions.pageInfo.hasNextPage).toBe(false);
  });
});

describe('the balance invariant', () => {
  it('holds under concurrent writers: eight connections and a bulk insert posting to the same two accounts at once, without deadlocks', async () => {
    const member = await insertMember(db.admin, 'busy', { assets: {}, tenancies: {}, rent: {} });
    const [a, b] = await insertAccounts(db.admin, member.id, { reference: 'BZ', count: 2, openedOn: '2020-01-06' });
    const { Client } = await import('pg');
    const connect = async (user: string) => {
      const client = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user });
      await client.connect();
      return client;
    };
    const writers = await Promise.all(Array.from({ length: 8 }, () => connect('hearth_app')));
    const bulk = await connect('hearth_app');
    const errors: unknown[] = [];
    const asMemberTx = async (client: InstanceType<typeof Client>, sql: string, params: unknown[]) => {
      await client.query('begin');
      await client.query(`select set_config('app.tenant_id', $1, true)`, [member.id]);
      await client.query(sql, params);
      await client.query('commit');
    };
    const write = async (client: InstanceType<typeof Client>, w: number) => {
      for (let i = 0; i < 50; i++) {
        // Each statement touches both accounts, half of them listing b first: only locking in id order keeps this from deadlocking.
        const [first, second] = i % 2 ? [a, b] : [b, a];
        const period = `date '2030-01-07' + ${(w * 50 + i) * 7}`;
        await asMemberTx(client,
          `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, posted_by)
           values ($1, $2, 'charge', 100, ${period}, 'Rent', 'rent', ${period}, ${period} + 6, 'w'),
                  ($1, $3, 'adjustment', -37, ${period}, 'Payment-like credit', null, null, null, 'w')`,
          [member.id, first, second]).catch((error) => errors.push(error));
      }
    };
    const bulkInsert = asMemberTx(bulk,
      `insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, charge_type, period_start, period_end, posted_by)
       select $1, acc, 'charge', 55, d, 'Service charge', 'service_charge', d, d + 6, 'bulk'
       from unnest($2::uuid[]) acc, generate_series(date '2030-01-07', date '2030-01-07' + 7 * 999, interval '7 days') g(d0), lateral (select g.d0::date as d) x`,
      [member.id, [b, a]]).catch((error) => errors.push(error));
    await Promise.all([...writers.map(write), bulkInsert]);
    await Promise.all([...writers, bulk].map((client) => client.end()));

    expect(errors).toEqual([]);
    expect(await driftedAccounts()).toEqual([]);
    const { rows } = await db.admin.query(`select balance_pence::int as b from hearth.rent_account where id = any($1) order by id`, [[a, b]]);
    // Each account: 400 postings of +100 or −37 split evenly, and 1,000 bulk charges of 55.
    expect(rows.map((r) => r.b)).toEqual([200 * 100 + 200 * -37 + 1000 * 55, 200 * 100 + 200 * -37 + 1000 * 55]);
  });

  it('refuses to update or delete a transaction, for the application and even for the owner', async () => {
    const [accountId] = await insertAccounts(db.admin, millbrook.id, { reference: 'AO', openedOn: '2025-04-07' });
    await asMember(millbrook, () => api.app.get(Ledger).adjust({ accountId, amountPence: 500, reason: 'Opening balance' }));
    const { Client } = await import('pg');
    for (const [user, message] of [['hearth_app', 'permission denied'], ['hearth_owner', 'the rent ledger is append-only']]) {
      const client = new Client({ host: db.config.database.host, port: db.config.database.port, database: db.name, user });
      await client.connect();
      try {
        await client.query(`select set_config('app.tenant_id', $1, false)`, [millbrook.id]);
        await expect(client.query(`update hearth.rent_transaction set amount_pence = 1 where account_id = $1`, [accountId])).rejects.toThrow(message);
        await expect(client.query(`delete from hearth.rent_transaction where account_id = $1`, [accountId])).rejects.toThrow(message);
      } finally {
        await client.end();
      }
    }
    const { rows } = await db.admin.query(`select balance_pence::int as b, (select count(*)::int from hearth.rent_transaction where account_id = $1) as n from hearth.rent_account where id = $1`, [accountId]);
    expect(rows[0]).toEqual({ b: 500, n: 1 });
  });
});

describe('reading accounts', () => {
  it('lists by reference, in arrears worst first, by band and by search; a housing officer reads but may not refund', async () => {
    const member = await insertMember(db.admin, 'bands', { assets: {}, tenancies: {}, rent: {} });
    const token = tokens.user('bands', ['housing-officer'], { name: 'Ffion Evans' });
    const ids = await insertAccounts(db.admin, member.id, { reference: 'BD', count: 4, openedOn: '2025-04-07', charges: [{ type: 'rent', from: '2025-04-07', pence: 10_000 }] });
    // Balances: 5 weeks (medium), 2 weeks (low), credit, 9 weeks (high).
    for (const [i, pence] of [[0, 50_000], [1, 20_000], [2, -3_000], [3, 90_000]] as const) {
      await db.admin.query(`insert into hearth.rent_transaction (tenant_id, account_id, kind, amount_pence, effective_on, description, posted_by)
        values ($1, $2, 'adjustment', $3, '2025-06-01', 'Opening balance', 'test')`, [member.id, ids[i], pence]);
    }
    const list = async (filter: Record<string, unknown>, after?: string) => dataOf(await api.gql(LIST, { filter, after }, { token })).rentAccounts;

    const arrears = await list({ inArrears: true });
    expect(arrears.totalCount).toBe(3);
    expect(arrears.edges.map((e: any) => [e.node.paymentReference, e.node.band.code])).toEqual([['BD000004', 'high'], ['BD000001', 'medium']]);
    const rest = await list({ inArrears: true }, arrears.pageInfo.endCursor);
    expect(rest.edges.map((e: any) => e.node.paymentReference)).toEqual(['BD000002']);
    expect((await list({ band: 'low' })).edges.map((e: any) => e.node.paymentReference)).toEqual(['BD000002']);
    expect((await list({ band: 'clear' })).edges.map((e: any) => [e.node.paymentReference, e.node.balancePence])).toEqual([['BD000003', -3_000]]);
    expect((await list({ search: 'bd00000' })).totalCount).toBe(4);
    expect((await list({ paymentReference: 'bd 000003' })).totalCount).toBe(1);
    const unknownBand = await api.gql(LIST, { filter: { band: 'severe' } }, { token });
    expect(unknownBand.errors?.[0]?.message).toBe('There is no arrears band "severe" in the member\'s settings');

    const paymentId = await insertPayment(member, 100);
    const refused = await api.gql(REFUND, { input: { paymentId, amountPence: 1, reason: 'Not allowed' } }, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("keeps members apart: another member's account is not found, listed or changed", async () => {
    const [accountId] = await insertAccounts(db.admin, millbrook.id, { reference: 'ISO', openedOn: '2025-04-07' });
    expect(dataOf(await api.gql(GET, { id: accountId }, { token: income('aber') })).rentAccount).toBeNull();
    expect(dataOf(await api.gql(LIST, { filter: { search: 'ISO' } }, { token: income('aber') })).rentAccounts.totalCount).toBe(0);
    expect(dataOf(await api.gql(ADJUST, { input: { accountId, amountPence: 100, reason: 'Cross-member' } }, { token: income('aber') })).adjustRentAccount)
      .toMatchObject({ __typename: 'RentAccountNotFound' });
    expect(dataOf(await api.gql(GET, { id: accountId }, { token: income() })).rentAccount).toMatchObject({ id: accountId, tenancy: { startDate: '2020-01-06' } });
    expect(aber.id).not.toBe(millbrook.id);
  });
});
