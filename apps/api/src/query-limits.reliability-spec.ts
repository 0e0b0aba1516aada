import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase } from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Requests built to exhaust the API rather than to ask it anything: oversized bodies, queries
 * nested a thousand levels (directly, through fragments, in variables), aliases multiplying a
 * costly field, fragment cycles, batches. Each is refused before it runs, with a code, and the API
 * answers the next ordinary request as before. (The page size, cost and depth limits themselves,
 * with their figures, are tested in partner-limits.int-spec.ts.)
 */
const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {}, repairs: {} });
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = () => tokens.user('millbrook', ['housing-officer', 'repairs-planner']);

async function post(body: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${officer()}` },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

const codes = (res: { body: any }) => (res.body.errors ?? []).map((e: any) => e.extensions?.code);
/** A valid query `2 * levels + 3` fields deep: Repair.workOrders and WorkOrder.repair nest into each other without end. */
const nested = (levels: number) => `{ repairs { edges { node ${'{ workOrders { repair '.repeat(levels)}{ id }${' } }'.repeat(levels)} } } }`;

afterEach(async () => {
  // Whatever came before, the API still answers an ordinary request.
  const res = await post(JSON.stringify({ query: '{ me { name } }' }));
  expect(res).toMatchObject({ status: 200, body: { data: { me: { name: 'Test User' } } } });
});

it('refuses a body over the size limit with 413, before parsing it', async () => {
  const res = await post(JSON.stringify({ query: `{ me { name } }`, variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }));
  expect(res.status).toBe(413);
});

it('refuses a query nested a thousand levels as too deep', async () => {
  const res = await post(JSON.stringify({ query: nested(500) }));
  expect(res.status).toBe(400);
  expect(codes(res)).toEqual(['QUERY_TOO_DEEP']);
});

it('refuses depth hidden in a chain of fragments', async () => {
  const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Repair { workOrders { repair { ...F${i + 1} } } }`).join('\n');
  const res = await post(JSON.stringify({ query: `{ repairs { edges { node { ...F0 } } } }\n${fragments}\nfragment F40 on Repair { id }` }));
  expect(res.status).toBe(400);
  expect(codes(res)).toEqual(['QUERY_TOO_DEEP']);
});

it('refuses a fragment that spreads itself', async () => {
  const res = await post(JSON.stringify({ query: `{ repairs { edges { node { ...A } } } } fragment A on Repair { workOrders { repair { ...A } } }` }));
  expect(res.status).toBe(400);
  expect(codes(res)).toContain('BAD_QUERY');
});

it('refuses aliases multiplying a costly field', async () => {
  const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: repairs(first: 100) { edges { node { id } } }`).join(' ');
  const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
  expect(res.status).toBe(400);
  expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
});

it('refuses a variable nested thousands of lists deep as bad input', async () => {
  const deep = `${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`;
  const res = await post(`{"query":"query ($s: String!) { member(slug: $s) { name } }","variables":{"s":${deep}}}`);
  expect(res.status).toBe(400);
  expect(codes(res)).toEqual(['BAD_USER_INPUT']);
});

it('refuses a batch of operations in one request', async () => {
  const res = await post(JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ me { name } }' }))));
  expect(res.status).toBe(400);
});
