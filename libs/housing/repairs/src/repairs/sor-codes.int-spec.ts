import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { systemActor, TransactionManager } from '@hearth/platform-database';
import { ImportService, type ImportOutcome } from '@hearth/platform-imports';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { dataOf, REPAIRS_MODULES } from './testing/repairs-api';

const SAMPLE = readFileSync(join(__dirname, '../../../../../docs/imports/sor-codes.csv'), 'utf8');
const HEADER = 'code,description,trade,default_priority,cost,standard_minutes,active';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, repairs: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, repairs: {} });
  api = await serveModulesForTest(db.config, REPAIRS_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

/** Imports `csv` for the member as the CLI does: one unit of work, committed unless the file is refused. */
function importFile(csv: string, member = millbrook): Promise<ImportOutcome> {
  return api.app.get(TransactionManager).run({ actor: systemActor('cli'), tenantId: member.id }, () =>
    api.app.get(ImportService).import('sor-codes', () => Readable.from([Buffer.from(csv)])));
}

const codes = async (member = millbrook) =>
  (await db.admin.query(`select code, trade, default_priority, cost_pence::int as cost_pence, standard_minutes, active, updated_at from hearth.sor_code where tenant_id = $1 order by code`, [member.id])).rows;

describe('import sor-codes', () => {
  it('imports the sample file, storing pounds as pence, then changes nothing when it comes again', async () => {
    const first = await importFile(SAMPLE);
    expect(first).toEqual({ status: 'succeeded', rows: 21, counts: { inserted: 21, updated: 0, unchanged: 0 } });
    const stored = await codes();
    expect(stored.find((row) => row.code === '603011')).toMatchObject({ trade: 'plumbing', default_priority: 'routine', cost_pence: 1250, standard_minutes: 30, active: true });
    expect(stored.find((row) => row.code === '900001')).toMatchObject({ cost_pence: 45000, active: false });

    const again = await importFile(SAMPLE);
    expect(again).toEqual({ status: 'succeeded', rows: 21, counts: { inserted: 0, updated: 0, unchanged: 21 } });
    expect(await codes()).toEqual(stored);
    expect(await codes(aber)).toEqual([]);
  });

  it('updates the codes that changed and adds new ones', async () => {
    const changed = `${HEADER}\n603011,Renew tap washer,plumbing,routine,13.00,30,yes\nNEW-1,Refix loose handrail,carpentry,urgent,20,30,\n`;
    expect(await importFile(changed)).toEqual({ status: 'succeeded', rows: 2, counts: { inserted: 1, updated: 1, unchanged: 0 } });
    expect((await codes()).find((row) => row.code === '603011')).toMatchObject({ cost_pence: 1300 });
    expect((await codes()).find((row) => row.code === 'NEW-1')).toMatchObject({ cost_pence: 2000, active: true });
  });

  it('refuses a file with bad rows whole, saying line, column and why', async () => {
    const before = await codes();
    const bad = [
      HEADER,
      'A1,Renew tap washer,plumbing,routine,12.50,30,yes',
      'A2,Renew washer,plumbers,routine,12.50,30,yes',
      'A3,Renew washer,plumbing,whenever,12.50,30,yes',
      'A4,Renew washer,plumbing,routine,-5.00,30,yes',
      'A5,Renew washer,plumbing,routine,12.505,30,yes',
      'A1,Renew washer again,plumbing,routine,1.00,30,yes',
      'A6,Renew washer,plumbing,routine,1.00,half an hour,maybe',
    ].join('\n');
    const outcome = await importFile(bad);
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.problems).toEqual(expect.arrayContaining([
      { line: 3, column: 'trade', reason: expect.stringContaining('"plumbers" is not one of: general, plumbing') },
      { line: 4, column: 'default_priority', reason: `"whenever" is not one of this member's priorities: emergency, urgent, routine, planned` },
      { line: 5, column: 'cost', reason: '"-5.00" is negative; a cost is 0 or more' },
      { line: 6, column: 'cost', reason: '"12.505" is not an amount in pounds (write 12.50, with at most two decimals and no £ sign)' },
      { line: 7, column: 'code', reason: '"A1" is already on line 2' },
      { line: 8, column: 'standard_minutes', reason: '"half an hour" is not a whole number' },
      { line: 8, column: 'active', reason: '"maybe" is not yes or no' },
    ]));
    expect(outcome.problemCount).toBe(7);
    expect(await codes()).toEqual(before);
  });

  it('refuses wrong columns and an empty file, changing nothing', async () => {
    const before = await codes();
    const wrong = await importFile('code,description,trade,priority,cost\nA1,Tap,plumbing,routine,1.00\n');
    expect(wrong.status).toBe('failed');
    if (wrong.status === 'failed') {
      expect(wrong.problems.map((p) => p.line)).toEqual(wrong.problems.map(() => 1));
      expect(wrong.problems.map((p) => p.reason).join(' ')).toMatch(/default_priority/);
    }
    const empty = await importFile('');
    expect(empty.status).toBe('failed');
    if (empty.status === 'failed') expect(empty.problems[0]).toMatchObject({ line: null, column: null });
    expect(await codes()).toEqual(before);
  });
});

const SAVE = `mutation ($input: SaveSorCodeInput!) { saveSorCode(input: $input) { __typename
  ... on SorCode { code trade defaultPriority costPence standardMinutes active }
  ... on SorCodeInvalid { code message problems { field message } } } }`;
const LIST = `query ($filter: SorCodesFilter, $after: String) { sorCodes(first: 3, filter: $filter, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { code description } } } }`;
const planner = () => tokens.user('millbrook', ['repairs-planner'], { name: 'Dai Price' });
const officer = () => tokens.user('millbrook', ['housing-officer'], { name: 'Ffion Evans' });
const SOR = { code: 'X100', description: 'Renew bath panel', trade: 'CARPENTRY', defaultPriority: 'routine', costPence: 4500, standardMinutes: 60, active: true };

describe('saveSorCode and sorCodes', () => {
  it('adds a code and changes it on a second save', async () => {
    expect(dataOf(await api.gql(SAVE, { input: SOR }, { token: planner() })).saveSorCode).toMatchObject({ __typename: 'SorCode', code: 'X100', costPence: 4500 });
    expect(dataOf(await api.gql(SAVE, { input: { ...SOR, costPence: 4700, active: false } }, { token: planner() })).saveSorCode).toMatchObject({ costPence: 4700, active: false });
    expect((await codes()).filter((row) => row.code === 'X100')).toHaveLength(1);
  });

  it("refuses a priority that is not the member's, a negative cost and a bad code, and a housing officer", async () => {
    const unknown = dataOf(await api.gql(SAVE, { input: { ...SOR, code: 'X101', defaultPriority: 'soonish' } }, { token: planner() })).saveSorCode;
    expect(unknown).toMatchObject({ __typename: 'SorCodeInvalid', problems: [{ field: 'defaultPriority' }] });
    const negative = await api.gql(SAVE, { input: { ...SOR, code: 'X101', costPence: -1 } }, { token: planner() });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const badCode = await api.gql(SAVE, { input: { ...SOR, code: 'has space' } }, { token: planner() });
    expect(badCode.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(SAVE, { input: { ...SOR, code: 'X101' } }, { token: officer() })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await codes()).filter((row) => row.code === 'X101')).toEqual([]);
  });

  it('lists by code, filtered by trade, words and active, in pages', async () => {
    const plumbing = dataOf(await api.gql(LIST, { filter: { trade: 'PLUMBING', active: true } }, { token: officer() })).sorCodes;
    const next = dataOf(await api.gql(LIST, { filter: { trade: 'PLUMBING', active: true }, after: plumbing.pageInfo.endCursor }, { token: officer() })).sorCodes;
    const all = [...plumbing.edges, ...next.edges].map((e: any) => e.node.code);
    expect(all).toEqual([...all].sort());
    expect(plumbing.totalCount).toBe(4);
    expect(all).toEqual(['603011', '603013', '603041', '604002']);
    const search = dataOf(await api.gql(LIST, { filter: { search: 'TAP renew' } }, { token: officer() })).sorCodes;
    expect(search.edges.map((e: any) => e.node.code)).toEqual(['603011', '603013']);
  });
});
