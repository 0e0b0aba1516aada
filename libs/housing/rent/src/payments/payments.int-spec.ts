import { CalendarModule, ukDay } from '@hearth/platform-calendar';
import { ImportsModule } from '@hearth/platform-imports';
import { AssetsModule } from '@hearth/housing-assets';
import { TenanciesModule } from '@hearth/housing-tenancies';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RentModule } from '../rent.module';
import { insertAccounts } from '../runs/testing/rent-accounts.fixture';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;
/** Millbrook's open accounts PY000001 to PY000003, and its closed account CL000001. */
let open: string[];
let closed: string;
let abersAccount: string;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {} });
  api = await serveModulesForTest(db.config, [ImportsModule, CalendarModule, AssetsModule, TenanciesModule, RentModule]);
  open = await insertAccounts(db.admin, millbrook.id, { reference: 'PY', count: 3 });
  [closed] = await insertAccounts(db.admin, millbrook.id, { reference: 'CL', count: 1, tenancyEnd: '2025-03-30', closedOn: '2025-03-30' });
  [abersAccount] = await insertAccounts(db.admin, aber.id, { reference: 'AB', count: 1 });
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const income = tokens.user('millbrook', ['income-officer'], { name: 'Rhian Price' });
const housing = tokens.user('millbrook', ['housing-officer'], { name: 'Sam Patel' });
const PROVIDER = tokens.partner('allpay', 'millbrook', ['payments:write']);
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

function dataOf(res: { data?: Record<string, any> | null; errors?: unknown[] }): Record<string, any> {
  if (res.errors) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}

/** A payment in suspense, arranged in SQL as an import would have left it. */
async function suspended(receivedOn: string, amountPence: number, member = millbrook): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.payment (tenant_id, source, channel, payment_reference, amount_pence, received_on, external_id, created_by)
     values ($1, 'file', 'bank', 'RENT', $2, $3, gen_random_uuid()::text, 'test') returning id`,
    [member.id, amountPence, receivedOn],
  );
  return rows[0].id;
}

/** What a posting or an allocation may write, to show a refused or repeated one wrote nothing. */
async function counts() {
  const { rows } = await db.admin.query(
    `select (select count(*)::int from hearth.payment) as payments, (select count(*)::int from hearth.rent_transaction) as transactions,
            (select count(*)::int from hearth.outbox_event) as events,
            (select json_object_agg(payment_reference, balance_pence::int) from hearth.rent_account) as balances`,
  );
  return rows[0];
}

const SUSPENSE = `query ($after: String) { suspensePayments(first: 2, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id receivedOn amountPence accountId source } } } }`;
const ALLOCATE = `mutation ($input: AllocatePaymentInput!) { allocatePayment(input: $input) { __typename
  ... on Payment { id accountId allocatedBy allocatedAt }
  ... on ErrorResult { code message } } }`;
const PAYMENTS = `query ($filter: PaymentsFilter, $after: String) { payments(first: 2, filter: $filter, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id receivedOn amountPence accountId source channel } } } }`;

describe('suspense and allocation by hand', () => {
  let oldest: string;
  let middle: string;
  let newest: string;

  beforeAll(async () => {
    newest = await suspended('2026-11-10', 5_000);
    oldest = await suspended('2026-11-01', 1_000);
    middle = await suspended('2026-11-05', 2_500);
    await suspended('2026-11-01', 7_000, aber);
  });

  it("lists the member's payments in suspense, oldest first, in pages", async () => {
    const first = dataOf(await api.gql(SUSPENSE, {}, { token: income })).suspensePayments;
    expect(first.totalCount).toBe(3);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = dataOf(await api.gql(SUSPENSE, { after: first.pageInfo.endCursor }, { token: income })).suspensePayments;
    expect([...first.edges, ...next.edges].map((e: any) => e.node.id)).toEqual([oldest, middle, newest]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(codeOf(await api.gql(SUSPENSE, { after: 'not-a-cursor' }, { token: income }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(SUSPENSE, {}, { token: housing }))).toBe('FORBIDDEN');
  });

  it('allocates a payment to an account: its ledger transaction moves the balance and it leaves suspense', async () => {
    const result = dataOf(await api.gql(ALLOCATE, { input: { paymentId: middle, accountId: open[0] } }, { token: income })).allocatePayment;
    expect(result).toMatchObject({ __typename: 'Payment', id: middle, accountId: open[0], allocatedBy: 'Rhian Price' });
    const { rows: [account] } = await db.admin.query(`select balance_pence::int as balance from hearth.rent_account where id = $1`, [open[0]]);
    expect(account.balance).toBe(-2_500);
    const { rows: ledger } = await db.admin.query(`select kind, amount_pence::int as amount, effective_on::text from hearth.rent_transaction where payment_id = $1`, [middle]);
    expect(ledger).toEqual([{ kind: 'payment', amount: -2_500, effective_on: '2026-11-05' }]);
    const page = dataOf(await api.gql(SUSPENSE, {}, { token: income })).suspensePayments;
    expect(page.totalCount).toBe(2);
    expect(page.edges.map((e: any) => e.node.id)).toEqual([oldest, newest]);
  });

  it('refuses a payment allocated already, an unknown or closed account, an unknown payment, and a housing officer, changing nothing', async () => {
    const before = await counts();
    const again = dataOf(await api.gql(ALLOCATE, { input: { paymentId: middle, accountId: open[1] } }, { token: income })).allocatePayment;
    expect(again).toMatchObject({ __typename: 'PaymentAlreadyAllocated', code: 'PAYMENT_ALREADY_ALLOCATED' });
    const toClosed = dataOf(await api.gql(ALLOCATE, { input: { paymentId: oldest, accountId: closed } }, { token: income })).allocatePayment;
    expect(toClosed).toMatchObject({ __typename: 'RentAccountClosed', code: 'RENT_ACCOUNT_CLOSED' });
    // Another member's account is no account of this one's.
    const toAbers = dataOf(await api.gql(ALLOCATE, { input: { paymentId: oldest, accountId: abersAccount } }, { token: income })).allocatePayment;
    expect(toAbers).toMatchObject({ __typename: 'RentAccountNotFound', code: 'RENT_ACCOUNT_NOT_FOUND' });
    const unknown = dataOf(await api.gql(ALLOCATE, { input: { paymentId: open[2], accountId: open[1] } }, { token: income })).allocatePayment;
    expect(unknown).toMatchObject({ __typename: 'PaymentNotFound', code: 'PAYMENT_NOT_FOUND' });
    expect(codeOf(await api.gql(ALLOCATE, { input: { paymentId: 'x', accountId: open[1] } }, { token: income }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(ALLOCATE, { input: { paymentId: oldest, accountId: open[1] } }, { token: housing }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('allocates a payment once when two people allocate it at once', async () => {
    const results = await Promise.all([open[1], open[2]].map((accountId) =>
      api.gql(ALLOCATE, { input: { paymentId: newest, accountId } }, { token: income }).then((res) => dataOf(res).allocatePayment.__typename)));
    expect(results.sort()).toEqual(['Payment', 'PaymentAlreadyAllocated']);
    const { rows } = await db.admin.query(`select count(*)::int as n from hearth.rent_transaction where payment_id = $1`, [newest]);
    expect(rows[0].n).toBe(1);
  });

  it("lists payments newest first, filtered by account, source and days, for any staff", async () => {
    const all = dataOf(await api.gql(PAYMENTS, {}, { token: housing })).payments;
    expect(all.totalCount).toBe(3);
    const next = dataOf(await api.gql(PAYMENTS, { after: all.pageInfo.endCursor }, { token: housing })).payments;
    expect([...all.edges, ...next.edges].map((e: any) => e.node.receivedOn)).toEqual(['2026-11-10', '2026-11-05', '2026-11-01']);
    const account = dataOf(await api.gql(PAYMENTS, { filter: { accountId: open[0] } }, { token: housing })).payments;
    expect(account.edges.map((e: any) => e.node.id)).toEqual([middle]);
    const days = dataOf(await api.gql(PAYMENTS, { filter: { receivedFrom: '2026-11-02', receivedTo: '2026-11-09', source: 'FILE' } }, { token: housing })).payments;
    expect(days.edges.map((e: any) => e.node.id)).toEqual([middle]);
    expect(dataOf(await api.gql(PAYMENTS, { filter: { source: 'PARTNER', receivedTo: '2026-11-09' } }, { token: housing })).payments.totalCount).toBe(0);
    expect(codeOf(await api.gql(PAYMENTS, { filter: { receivedFrom: '1 Nov' } }, { token: housing }))).toBe('BAD_USER_INPUT');
  });
});

const POST = `mutation ($input: PostPaymentInput!) { postPayment(input: $input) { __typename
  ... on PaymentRecorded { paymentId idempotencyKey status replayed receivedAt }
  ... on IdempotencyKeyReused { code message idempotencyKey firstReceivedAt } } }`;
const PAID = { idempotencyKey: 'allpay-7f3a9c', paymentReference: 'py 000003', amountPence: 1_234, receivedOn: '2026-11-20', channel: 'CARD' };

describe('postPayment, for payment providers', () => {
  it('records and allocates a payment whose reference matches, then answers a retry the same and changes nothing', async () => {
    const first = dataOf(await api.gql(POST, { input: PAID }, { token: PROVIDER })).postPayment;
    expect(first).toMatchObject({ __typename: 'PaymentRecorded', idempotencyKey: 'allpay-7f3a9c', status: 'ALLOCATED', replayed: false });
    const { rows: [payment] } = await db.admin.query(
      `select source, client_id, account_id, payment_reference, amount_pence::int as amount, request_sha256 from hearth.payment where id = $1`, [first.paymentId]);
    expect(payment).toMatchObject({ source: 'partner', client_id: 'allpay', account_id: open[2], payment_reference: 'py 000003', amount: 1_234 });
    expect(payment.request_sha256).toMatch(/^[0-9a-f]{64}$/);

    const before = await counts();
    const retry = dataOf(await api.gql(POST, { input: { ...PAID, paymentReference: '  py 000003 ' } }, { token: PROVIDER })).postPayment;
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await counts()).toEqual(before);
  });

  it('refuses the same key with a different payment, changing nothing', async () => {
    const before = await counts();
    const reused = dataOf(await api.gql(POST, { input: { ...PAID, amountPence: 1_235 } }, { token: PROVIDER })).postPayment;
    expect(reused).toMatchObject({ __typename: 'IdempotencyKeyReused', code: 'IDEMPOTENCY_KEY_REUSED', idempotencyKey: 'allpay-7f3a9c' });
    expect(await counts()).toEqual(before);
  });

  it('keeps keys per provider: another provider may use the same key', async () => {
    const other = tokens.partner('paypoint', 'millbrook', ['payments:write']);
    const result = dataOf(await api.gql(POST, { input: PAID }, { token: other })).postPayment;
    expect(result).toMatchObject({ __typename: 'PaymentRecorded', replayed: false, status: 'ALLOCATED' });
  });

  it('holds a payment whose reference matches no open account in suspense', async () => {
    for (const paymentReference of ['PY999999', 'CL000001']) {
      const result = dataOf(await api.gql(POST, { input: { ...PAID, idempotencyKey: `k-${paymentReference}`, paymentReference } }, { token: PROVIDER })).postPayment;
      expect(result).toMatchObject({ status: 'SUSPENSE', replayed: false });
      const { rows } = await db.admin.query(`select account_id from hearth.payment where id = $1`, [result.paymentId]);
      expect(rows[0].account_id).toBeNull();
      const { rows: events } = await db.admin.query(`select type from hearth.outbox_event where aggregate_id = $1`, [result.paymentId]);
      expect(events).toEqual([{ type: 'rent.payment.suspended' }]);
    }
  });

  it('records five identical postings sent at once as one payment', async () => {
    const input = { ...PAID, idempotencyKey: 'allpay-race-1', amountPence: 5_000 };
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 5 }, () => api.gql(POST, { input }, { token: PROVIDER }).then((res) => dataOf(res).postPayment)));
    expect(new Set(results.map((r) => r.paymentId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const after = await counts();
    expect(after.payments - before.payments).toBe(1);
    expect(after.transactions - before.transactions).toBe(1);
    expect(after.balances.PY000003 - before.balances.PY000003).toBe(-5_000);
  });

  it('refuses bad input, a wrong scope and staff, changing nothing', async () => {
    const before = await counts();
    const tomorrow = new Date(Date.now() + 36 * 3_600_000);
    const bad = [
      { amountPence: 0 }, { amountPence: 100_000_001 }, { receivedOn: ukDay(tomorrow) }, { receivedOn: '2026-02-30' }, { receivedOn: '20/11/2026' },
      { paymentReference: '   ' }, { idempotencyKey: 'has space' }, { idempotencyKey: '' },
    ];
    for (const change of bad) {
      expect({ change, code: codeOf(await api.gql(POST, { input: { ...PAID, idempotencyKey: 'bad-1', ...change } }, { token: PROVIDER })) })
        .toEqual({ change, code: 'BAD_USER_INPUT' });
    }
    const reader = tokens.partner('allpay', 'millbrook', ['rent:read']);
    expect(codeOf(await api.gql(POST, { input: { ...PAID, idempotencyKey: 'scope-1' } }, { token: reader }))).toBe('FORBIDDEN');
    const admin = tokens.user('millbrook', ['tenant-admin', 'income-officer'], { name: 'Admin' });
    expect(codeOf(await api.gql(POST, { input: { ...PAID, idempotencyKey: 'staff-1' } }, { token: admin }))).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });
});
