import { createTestDatabase, insertMember, testConfig, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Partner clients and the API's limits, through the whole API with every installed module:
 * scopes and members hold for real operations, suspended and unregistered clients are refused,
 * and depth, cost, page size, rate and introspection limits refuse what they should.
 */
const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase({
    ...tokens.env,
    PARTNER_CLIENTS_REQUIRE_REGISTRATION: 'true',
    RATE_LIMIT_PARTNER_PER_MINUTE: '8',
    RATE_LIMIT_USER_PER_MINUTE: '10',
    RATE_LIMIT_WINDOW_SECONDS: '3',
  });
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, rent: {}, repairs: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {}, rent: {}, repairs: {} });
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

/** Registers a client as a tenant admin would have, straight in SQL (the module's own tests cover the mutation). */
async function client(member: TestMember, name: string, scopes: string[], status = 'active'): Promise<string> {
  const clientId = `${member.slug}-${name}`;
  await db.admin.query(
    `insert into hearth.partner_client (tenant_id, client_id, name, scopes, directory, created_by, status, suspended_at)
     values ($1, $2, $3, $4, 'local', 'test', $5, case when $5 = 'suspended' then now() end)`,
    [member.id, clientId, name, scopes, status],
  );
  return clientId;
}

const REPAIRS = `{ repairs { totalCount } }`;
const POST_PAYMENT = `mutation ($input: PostPaymentInput!) { postPayment(input: $input) { __typename } }`;
const PAID = { idempotencyKey: 'k-1', paymentReference: 'X1', amountPence: 100, receivedOn: '2026-11-20', channel: 'CARD' };

describe('partner tokens on real operations', () => {
  it('reads repairs with repairs:read, and is refused without it', async () => {
    const withScope = await client(millbrook, 'repairs-reader', ['repairs:read']);
    const ok = await api.gql(REPAIRS, {}, { token: tokens.partner(withScope, 'millbrook', ['repairs:read']) });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.repairs.totalCount).toBe(0);

    const without = await client(millbrook, 'rent-reader', ['rent:read']);
    const refused = await api.gql(REPAIRS, {}, { token: tokens.partner(without, 'millbrook', ['rent:read']) });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toMatch(/lacks a scope this operation needs \(repairs:read\)/);
  });

  it('cannot post a payment without payments:write, and nothing is written', async () => {
    const reader = await client(millbrook, 'payments-peeker', ['rent:read']);
    const res = await api.gql(POST_PAYMENT, { input: PAID }, { token: tokens.partner(reader, 'millbrook', ['rent:read']) });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect((await db.admin.query(`select count(*)::int as n from hearth.payment`)).rows[0].n).toBe(0);
  });

  it("cannot claim a scope its client does not hold, even if its token carries it", async () => {
    const narrow = await client(millbrook, 'narrow', ['rent:read']);
    const res = await api.gql(POST_PAYMENT, { input: PAID }, { token: tokens.partner(narrow, 'millbrook', ['rent:read', 'payments:write']) });
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it("cannot reach another member's data: not by naming it, nor with a client of that member", async () => {
    const own = await client(millbrook, 'crossing', ['repairs:read']);
    const token = tokens.partner(own, 'millbrook', ['repairs:read']);
    const named = await api.gql(REPAIRS, {}, { token, actFor: 'aber' });
    expect(codeOf(named)).toBe('FORBIDDEN');
    expect(named.errors![0].message).toMatch(/not for member "aber"/);
    // A token claiming aber's organisation for millbrook's client: unknown to aber, so refused.
    const claimed = await api.gql(REPAIRS, {}, { token: tokens.partner(own, 'aber', ['repairs:read']) });
    expect(codeOf(claimed)).toBe('FORBIDDEN');
    expect(claimed.errors![0].message).toMatch(/not registered with this member/);
    expect(aber.id).not.toBe(millbrook.id);
  });

  it("refuses a suspended client's unexpired token on every request", async () => {
    const suspended = await client(millbrook, 'suspended', ['repairs:read'], 'suspended');
    const token = tokens.partner(suspended, 'millbrook', ['repairs:read']);
    for (const query of [REPAIRS, `{ me { subject } }`]) {
      const res = await api.gql(query, {}, { token });
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.errors![0].message).toBe('This partner client is suspended');
    }
  });
});

describe('query limits', () => {
  const officer = () => tokens.user('millbrook', ['repairs-planner']);

  it('refuses a page larger than 100 rows rather than cutting it short', async () => {
    const res = await api.gql(`{ repairs(first: 500) { totalCount } }`, {}, { token: officer() });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'PAGE_SIZE_TOO_LARGE', limit: 100, requested: 500, field: 'Query.repairs' });
    expect(res.errors![0].message).toMatch(/asks for 500 rows; the limit is 100 per page/);
    const variable = await api.gql(`query ($n: Int) { repairs(first: $n) { totalCount } }`, { n: 101 }, { token: officer() });
    expect(codeOf(variable)).toBe('PAGE_SIZE_TOO_LARGE');
    expect((await api.gql(`{ repairs(first: 100) { totalCount } }`, {}, { token: officer() })).errors).toBeUndefined();
  });

  it('refuses a query costlier than the budget, saying the cost and the limit', async () => {
    const nodes = Array.from({ length: 60 }, (_, i) => `f${i}: id`).join(' ');
    const res = await api.gql(`{ repairs(first: 100) { edges { node { ${nodes} } } } }`, {}, { token: officer() });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toEqual({ code: 'QUERY_TOO_COSTLY', limit: 5000, cost: expect.any(Number) });
    expect(res.errors![0].extensions!.cost).toBeGreaterThan(5000);
    expect(res.errors![0].message).toMatch(/^Query cost limit: the query would cost \d+; the limit is 5000/);
  });

  it('refuses a query deeper than ten levels, saying the depth and the limit', async () => {
    // Repair.workOrders and WorkOrder.repair nest into each other without end.
    const ten = `{ repairs { edges { node { workOrders { repair { workOrders { repair { workOrders { repair { id } } } } } } } } } }`;
    expect((await api.gql(ten, {}, { token: officer() })).errors).toBeUndefined();
    const twelve = `{ repairs { edges { node { workOrders { repair { workOrders { repair { workOrders { repair { workOrders { repair { id } } } } } } } } } } } }`;
    const res = await api.gql(twelve, {}, { token: officer() });
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_DEEP', limit: 10, depth: 12 });
    expect(res.errors![0].message).toBe('Query depth limit: the query is 12 levels deep; the limit is 10. Ask for fewer nested fields.');
  });
});

describe('rate limits', () => {
  it("counts each client and each person on its own, with the headers, and refuses past the limit with 429", async () => {
    const busy = await client(millbrook, 'busy', ['repairs:read']);
    const calm = await client(millbrook, 'calm', ['repairs:read']);
    const post = (token: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: REPAIRS }),
      });
    const busyToken = tokens.partner(busy, 'millbrook', ['repairs:read']);
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 9; i += 1) {
      last = await post(busyToken);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    expect(last!.headers.get('ratelimit-limit')).toBe('8');
    expect(last!.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as { errors: Array<{ extensions: Record<string, unknown> }> }).errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED', limit: 8, windowSeconds: 3,
    });
    // Another client of the same member, and a person, have windows of their own.
    expect((await post(tokens.partner(calm, 'millbrook', ['repairs:read']))).status).toBe(200);
    const person = await post(tokens.user('millbrook', ['repairs-planner']));
    expect(person.status).toBe(200);
    expect(person.headers.get('ratelimit-limit')).toBe('10');
  });

  it('gives public operations no count', async () => {
    const res = await fetch(`${api.url}/health/live`);
    expect(res.headers.get('ratelimit-limit')).toBeNull();
  });
});

describe('introspection', () => {
  it('is open outside production and closed in it', async () => {
    const INTROSPECT = `{ __schema { queryType { name } } }`;
    expect((await api.gql(INTROSPECT)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const production = await startTestApi(
      testConfig({
        ...tokens.env,
        HEARTH_ENV: 'production',
        LOG_LEVEL: 'silent',
        KEYCLOAK_URL: 'https://keycloak.test',
        DB_NAME: db.name,
        DB_APP_PASSWORD: 'unused-under-trust-auth',
        DB_OWNER_PASSWORD: 'unused-under-trust-auth',
        WEBHOOKS_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      }),
    );
    try {
      const res = await production.gql(INTROSPECT);
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0].message).toMatch(/introspection/i);
    } finally {
      await production.close();
    }
  });
});
