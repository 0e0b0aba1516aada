import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { dataOf, REPAIRS_MODULES } from '../repairs/testing/repairs-api';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, repairs: {} });
  await insertMember(db.admin, 'aber', { assets: {}, repairs: {} });
  api = await serveModulesForTest(db.config, REPAIRS_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const planner = (member = 'millbrook') => tokens.user(member, ['repairs-planner'], { name: 'Dai Price' });
const officer = () => tokens.user('millbrook', ['housing-officer'], { name: 'Ffion Evans' });
const RESULT = `__typename ... on Contractor { id name trades email phone partnerClientId active }
  ... on ErrorResult { code message } ... on ContractorInvalid { problems { field message } } ... on ContractorNameTaken { existing { id } }`;
const CREATE = `mutation ($input: CreateContractorInput!) { createContractor(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation ($input: UpdateContractorInput!) { updateContractor(input: $input) { ${RESULT} } }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateContractor(id: $id) { ${RESULT} } }`;
const LIST = `query ($filter: ContractorsFilter) { contractors(first: 10, filter: $filter) { totalCount edges { node { name active } } } }`;
const count = async () => (await db.admin.query(`select count(*)::int as n from hearth.contractor where tenant_id = $1`, [millbrook.id])).rows[0].n as number;

async function create(input: Record<string, unknown>, token = planner()) {
  return dataOf(await api.gql(CREATE, { input }, { token })).createContractor;
}

describe('contractors', () => {
  it('adds, changes and deactivates a contractor, and lists by name and trade', async () => {
    const made = await create({ name: 'Pipe Dreams Ltd', trades: ['PLUMBING', 'HEATING'], email: 'jobs@pipedreams.example', phone: '029 2000 0000', partnerClientId: 'pipe-dreams' });
    expect(made).toMatchObject({ __typename: 'Contractor', name: 'Pipe Dreams Ltd', trades: ['PLUMBING', 'HEATING'], partnerClientId: 'pipe-dreams', active: true });
    const changed = dataOf(await api.gql(UPDATE, { input: { id: made.id, trades: ['PLUMBING'], phone: null } }, { token: planner() })).updateContractor;
    expect(changed).toMatchObject({ trades: ['PLUMBING'], phone: null, email: 'jobs@pipedreams.example', name: 'Pipe Dreams Ltd' });
    await create({ name: 'Bright Sparks', trades: ['ELECTRICAL'] });
    expect(dataOf(await api.gql(DEACTIVATE, { id: made.id }, { token: planner() })).deactivateContractor).toMatchObject({ active: false });

    const all = dataOf(await api.gql(LIST, {}, { token: officer() })).contractors;
    expect(all.edges.map((e: any) => e.node.name)).toEqual(['Bright Sparks', 'Pipe Dreams Ltd']);
    const plumbers = dataOf(await api.gql(LIST, { filter: { trade: 'PLUMBING', active: true } }, { token: officer() })).contractors;
    expect(plumbers.totalCount).toBe(0);
    const others = dataOf(await api.gql(LIST, {}, { token: planner('aber') })).contractors;
    expect(others.totalCount).toBe(0);
  });

  it('refuses a name another contractor has, in any case, and a partner client already used', async () => {
    const before = await count();
    const taken = await create({ name: 'bright sparks', trades: ['ELECTRICAL'] });
    expect(taken).toMatchObject({ __typename: 'ContractorNameTaken', code: 'CONTRACTOR_NAME_TAKEN', message: 'There is already a contractor called Bright Sparks' });
    const client = await create({ name: 'Another Plumber', trades: ['PLUMBING'], partnerClientId: 'pipe-dreams' });
    expect(client).toMatchObject({ __typename: 'ContractorInvalid', problems: [{ field: 'partnerClientId', message: 'Client pipe-dreams already belongs to contractor Pipe Dreams Ltd' }] });
    expect(await count()).toBe(before);
  });

  it('refuses bad input with a clear message, and a housing officer', async () => {
    const noTrades = await api.gql(CREATE, { input: { name: 'Nobody', trades: [] } }, { token: planner() });
    expect(noTrades.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(noTrades.errors)).toContain('trades must name at least one trade');
    const email = await api.gql(CREATE, { input: { name: 'Nobody', trades: ['GENERAL'], email: 'not an email' } }, { token: planner() });
    expect(JSON.stringify(email.errors)).toContain('email must be an email address');
    const forbidden = await api.gql(CREATE, { input: { name: 'Nobody', trades: ['GENERAL'] } }, { token: officer() });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = dataOf(await api.gql(DEACTIVATE, { id: '00000000-0000-4000-8000-000000000000' }, { token: planner() })).deactivateContractor;
    expect(missing).toMatchObject({ __typename: 'ContractorNotFound' });
  });
});
