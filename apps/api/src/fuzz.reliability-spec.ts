import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ModuleRegistry } from '@hearth/platform-kernel';
import { INSTALLED_MODULES } from '@hearth/distribution';
import {
  createTestDatabase, fuzzOperations, insertMember, TestProcess, TestTokens,
  type FuzzOperation, type GraphQLResponse, type TestApi, type TestDatabase, type TestMember,
} from '@hearth/platform-testing';
import { startTestApi } from './testing';

/**
 * Property-based fuzzing (fast-check) of every mutation's inputs and of every query, generated
 * from the API's own executable schema, so a module's new operations are fuzzed as soon as they
 * exist. Member A's staff (every staff role but the consortium's) send them against a database
 * where members A and B both have the demo's data (`hearth demo:seed`). Whatever they send:
 *
 * - every error carries an `extensions.code`, and none is INTERNAL (an unhandled fault);
 * - no message shows a stack, SQL, a constraint or a table: nothing internal leaks;
 * - nothing of member B's comes back: none of B's ids (unless the request named it) and none of
 *   the text only B's data holds.
 *
 * The runs are bounded (RUNS of each operation) and seeded: FUZZ_SEED replays a run, and a
 * failure prints the seed and path that reproduce it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const tokens = new TestTokens();
const A_ROLES = ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer'];

let db: TestDatabase;
let api: TestApi;
let a: TestMember;
let b: TestMember;
let mutations: FuzzOperation[] = [];
let queries: FuzzOperation[] = [];
const bIds = new Set<string>();
let bOnlyText: string[] = [];
let internalNames: RegExp;

beforeAll(async () => {
  db = await createTestDatabase({ ...tokens.env, RATE_LIMIT_USER_PER_MINUTE: '1000000', REDIS_PREFIX: `hearth-test-${randomBytes(4).toString('hex')}` });
  const modules = Object.fromEntries(new ModuleRegistry(INSTALLED_MODULES).all().filter((m) => !m.core).map((m) => [m.key, {}]));
  a = await insertMember(db.admin, 'millbrook', modules, { country: 'england' });
  b = await insertMember(db.admin, 'aber', modules, { country: 'wales', languages: ['cy', 'en'] });
  await seedDemoData();
  api = await startTestApi(db.config);

  const ids = await idsByMember();
  for (const id of ids.get(b.id) ?? []) bIds.add(id);
  bOnlyText = await textOnlyIn(b.id, a.id);
  const { rows: tables } = await db.admin.query(`select table_name from information_schema.tables where table_schema = 'hearth' and table_name like '%\\_%'`);
  internalNames = new RegExp(`\\b(${tables.map((t) => t.table_name).join('|')})\\b`);
  const pools = { ids: [...(ids.get(a.id) ?? []).slice(0, 400), ...[...bIds].slice(0, 100)], strings: await sampleStrings(a.id) };
  const schema = api.app.get(GraphQLSchemaHost).schema;
  mutations = fuzzOperations(schema, 'Mutation', pools);
  queries = fuzzOperations(schema, 'Query', pools);
  console.log(`fuzz: ${mutations.length} mutations and ${queries.length} queries, ${RUNS} runs each, seed ${SEED} (FUZZ_SEED replays it)`);
}, 180_000);

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

/** The demo's data for both members, as `hearth demo:seed` adds it: an English register, repairs and rent for A; a Welsh register and rent for B. */
async function seedDemoData(): Promise<void> {
  const seed = TestProcess.start('apps/cli/src/main.ts', { ...tokens.env, HEARTH_ENV: 'test', LOG_LEVEL: 'silent', DB_NAME: db.name, REDIS_PREFIX: db.config.redis.prefix }, ['demo:seed']);
  await seed.exited;
  const { rows } = await db.admin.query(`select tenant_id, count(*)::int as n from hearth.asset group by 1`);
  if (rows.length !== 2) throw new Error(`demo:seed did not give both members a register:\n${seed.output}`);
}

/** Every uuid `id` of every member-owned table, by member. */
async function idsByMember(): Promise<Map<string, string[]>> {
  const { rows: tables } = await db.admin.query(
    `select c.table_name from information_schema.columns c join information_schema.columns t
       on t.table_schema = c.table_schema and t.table_name = c.table_name and t.column_name = 'tenant_id'
     where c.table_schema = 'hearth' and c.column_name = 'id' and c.data_type = 'uuid'`,
  );
  const byMember = new Map<string, string[]>();
  for (const { table_name: table } of tables) {
    const { rows } = await db.admin.query(`select tenant_id::text, id::text from hearth.${table}`);
    for (const row of rows) byMember.set(row.tenant_id, [...(byMember.get(row.tenant_id) ?? []), row.id]);
  }
  return byMember;
}

/** Words of B's register, people and rent that none of A's hold: any of them in an answer to A is a leak. */
async function textOnlyIn(member: string, other: string): Promise<string[]> {
  const { rows } = await db.admin.query(
    `with text_of(tenant_id, value) as (
       select tenant_id, address_line_1 from hearth.asset union all select tenant_id, name from hearth.asset
       union all select tenant_id, family_name from hearth.person union all select tenant_id, email from hearth.person
       union all select tenant_id, payment_reference from hearth.rent_account)
     select distinct value from text_of where tenant_id = $1 and length(value) >= 6
     except select value from text_of where tenant_id = $2`,
    [member, other],
  );
  return rows.map((row) => row.value as string);
}

/** Strings of A's own data worth sending: references, postcodes, codes. */
async function sampleStrings(member: string): Promise<string[]> {
  const { rows } = await db.admin.query(
    `(select postcode as value from hearth.asset where tenant_id = $1 and postcode is not null limit 5)
     union all (select payment_reference from hearth.rent_account where tenant_id = $1 limit 5)
     union all (select code from hearth.sor_code where tenant_id = $1 limit 5)
     union all (select reference from hearth.asset_reference where tenant_id = $1 limit 5)`,
    [member],
  );
  return rows.map((row) => row.value as string).filter(Boolean);
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const sentByA = new Set<string>();

const LEAKS: Array<[string, RegExp]> = [
  ['a stack trace', /\n\s+at |\.ts:\d+/],
  ['SQL', /\b(select\b.+\bfrom|insert into|delete from|update \S+ set)\b/i],
  ['a database error', /violates|constraint|duplicate key|syntax error|relation "|column "|invalid input syntax|QueryFailedError|TypeORM|ECONN/i],
  ['the schema', /\bhearth\.[a-z_]+/],
];

/** Why an answer to member A breaks a promise, or undefined if it keeps them all. */
function problemWith(response: GraphQLResponse, sent: Record<string, unknown>, actingFor: boolean): string | undefined {
  if (response.status >= 500) return `HTTP ${response.status}`;
  for (const error of response.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') return `an error without a code: ${error.message}`;
    if (code === 'INTERNAL' || code === 'UNAVAILABLE') return `${code}: ${error.message}`;
  }
  const body = JSON.stringify({ data: response.data ?? null, errors: response.errors ?? [] });
  const messages = [...(response.errors ?? []).map((e) => e.message), ...[...body.matchAll(/"message":"((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string)];
  // A message may quote what was sent ("... is not an absolute URL"): only what it adds is judged.
  const echoes = stringsIn(sent).filter((text) => text.length >= 3).sort((x, y) => y.length - x.length);
  for (const message of messages.map((m) => echoes.reduce((rest, text) => rest.split(text).join(' '), m))) {
    for (const [what, pattern] of LEAKS) if (pattern.test(message)) return `${what} in a message: ${message}`;
    if (internalNames.test(message)) return `a table's name in a message: ${message}`;
  }
  const named = JSON.stringify(sent);
  // An id A has sent (it may have stored it as text in its own data) is not news when it comes back.
  for (const id of named.match(UUID) ?? []) if (bIds.has(id)) sentByA.add(id);
  const leakedId = (body.match(UUID) ?? []).find((id) => bIds.has(id) && !sentByA.has(id));
  if (leakedId) return `member B's id ${leakedId}${actingFor ? ' (acting for B)' : ''} in …${body.slice(Math.max(0, body.indexOf(leakedId) - 200), body.indexOf(leakedId) + 60)}…`;
  const leakedText = bOnlyText.find((text) => body.includes(text) && !named.includes(text));
  if (leakedText) return `member B's "${leakedText}"`;
  return undefined;
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** How the answers went, by error code or, for data, the result's type (for docs/reliability.md's figures). */
const outcomes = new Map<string, number>();
function tally(counts: Map<string, number>, response: GraphQLResponse): void {
  const code = response.errors?.[0]?.extensions?.code;
  const result = response.data ? Object.values(response.data)[0] : undefined;
  const key = typeof code === 'string' ? code : result === null ? 'null' : String((result as { __typename?: string })?.__typename ?? 'data');
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Sends each generated request as A's staff (one in ten also asking to act for B) and checks the answer. */
async function fuzz(operation: FuzzOperation, offset: number): Promise<void> {
  const token = tokens.user(a.slug, A_ROLES);
  await fc.assert(
    fc.asyncProperty(operation.variables, fc.integer({ min: 0, max: 9 }), async (variables, actFor) => {
      const actingFor = actFor === 0;
      const response = await api.gql(operation.document, variables, { token, ...(actingFor ? { actFor: b.slug } : {}) });
      tally(outcomes, response);
      const problem = problemWith(response, variables, actingFor);
      if (problem) throw new Error(`${operation.field}: ${problem}\nvariables: ${JSON.stringify(variables).slice(0, 2_000)}`);
    }),
    { numRuns: RUNS, seed: SEED + offset, endOnFailure: true },
  );
}

afterAll(() => {
  const top = [...outcomes].sort((x, y) => y[1] - x[1]).slice(0, 20);
  console.log(`fuzz answers: ${[...outcomes.values()].reduce((n, m) => n + m, 0)} in all; ${top.map(([k, n]) => `${k} ${n}`).join(', ')}`);
});

describe('every mutation, fuzzed', () => {
  it('keeps its promises for every generated input', async () => {
    for (const [i, operation] of mutations.entries()) await fuzz(operation, i);
  }, 600_000);
});

describe('every query, fuzzed', () => {
  it('keeps its promises for every generated argument', async () => {
    for (const [i, operation] of queries.entries()) await fuzz(operation, 1_000 + i);
  }, 600_000);
});
