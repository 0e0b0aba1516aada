import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createTestDatabase, insertMember, TestTokens, type GraphQLResponse, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let millbrook: TestMember;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {}, tenancies: {} });
  aber = await insertMember(db.admin, 'aber', { assets: {}, tenancies: {} }, { country: 'wales', languages: ['cy', 'en'] });
  await insertMember(db.admin, 'thistle', { assets: {} });
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = (member = 'millbrook') => tokens.user(member, ['housing-officer'], { name: 'Ffion Evans' });
const planner = (member = 'millbrook') => tokens.user(member, ['repairs-planner'], { name: 'Dai Price' });
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const messageOf = (res: { errors?: Array<{ message: string }> }) => res.errors?.[0]?.message;
const count = async (table: string) => (await db.admin.query(`select count(*)::int as n from hearth.${table}`)).rows[0].n as number;
/** Row counts of several tables, read one after another (one client runs one query at a time). */
const counts = async (tables: string[]) => {
  const result: number[] = [];
  for (const table of tables) result.push(await count(table));
  return result;
};

/** Dwellings are the assets module's: arranged in SQL, so these tests do not lean on its services. */
async function dwelling(member: TestMember, fields: { postcode?: string; patch?: string; kind?: string } = {}): Promise<string> {
  const { rows } = await db.admin.query(
    `insert into hearth.asset (tenant_id, kind, address_line_1, postcode, patch) values ($1, $2, '1 Heol y Frenhines', $3, $4) returning id`,
    [member.id, fields.kind ?? 'dwelling', fields.postcode ?? 'CF10 1AA', fields.patch ?? 'North'],
  );
  return rows[0].id;
}

/** The typed failures a person mutation can answer, and those of a tenancy mutation; GraphQL refuses a fragment on an impossible type. */
const PERSON_FAILURES = `... on ErrorResult { __typename code message } ... on PersonInvalid { problems { field message } }`;
const FAILURES = `
  ... on ErrorResult { __typename code message }
  ... on TenancyInvalid { problems { field message } }`;
const START_FAILURES = `${FAILURES}
  ... on TenancyOverlaps { clashingTenancy { id startDate endDate } }
  ... on TenureNotAllowed { tenureType country allowed }`;
const TENANCY = `__typename ... on Tenancy { id tenureType startDate endDate endReason live joint parties { role relationship person { id givenName } } } ${FAILURES}`;

const CREATE_PERSON = `mutation ($input: CreatePersonInput!) { createPerson(input: $input) { __typename ... on Person { id givenName familyName dateOfBirth preferredLanguage communicationNeeds references { system reference } } ${PERSON_FAILURES} } }`;
const START = `mutation ($input: StartTenancyInput!) { startTenancy(input: $input) { ${TENANCY} ${START_FAILURES} } }`;

async function createPerson(input: Record<string, unknown>, token = officer()): Promise<string> {
  const res = await api.gql(CREATE_PERSON, { input }, { token });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createPerson.__typename).toBe('Person');
  return res.data!.createPerson.id;
}

async function startTenancy(input: Record<string, unknown>, token = officer()): Promise<Record<string, any>> {
  const res = await api.gql(START, { input: { tenureType: 'ASSURED', startDate: '2024-04-01', ...input } }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.startTenancy;
}

describe('people', () => {
  it('creates a person with their language, needs and legacy reference', async () => {
    const res = await api.gql(
      CREATE_PERSON,
      {
        input: {
          title: 'Mrs', givenName: ' Siân ', familyName: "O'Brien-Ŵyn", dateOfBirth: '1958-03-14', email: 'sian@example.test',
          phone: '029 2087 2087', preferredLanguage: 'CY', communicationNeeds: ['LARGE_PRINT'], references: [{ system: 'orchard', reference: 'P-77' }],
        },
      },
      { token: officer() },
    );
    expect(res.data!.createPerson).toMatchObject({
      __typename: 'Person', givenName: 'Siân', familyName: "O'Brien-Ŵyn", dateOfBirth: '1958-03-14', preferredLanguage: 'CY',
      communicationNeeds: ['LARGE_PRINT'], references: [{ system: 'orchard', reference: 'P-77' }],
    });
  });

  it.each([
    ['a date of birth in the future', { dateOfBirth: '2999-01-01' }, /dateOfBirth must not be in the future/],
    ['a date of birth before 1900', { dateOfBirth: '1899-12-31' }, /dateOfBirth must not be before 1900-01-01/],
    ['a date that does not exist', { dateOfBirth: '2023-02-29' }, /dateOfBirth must be a date written YYYY-MM-DD/],
    ['a bad e-mail address', { email: 'sian-at-example' }, /email must be an e-mail address/],
    ['a bad phone number', { phone: '12' }, /phone must be a UK phone number/],
    ['digits in a name', { givenName: 'R2D2' }, /givenName may hold letters/],
    ['an empty family name', { familyName: '   ' }, /familyName must be 1 to 100 characters/],
    ['a need given twice', { communicationNeeds: ['BRAILLE', 'BRAILLE'] }, /communicationNeeds must not repeat a need/],
  ])('refuses %s, saying why, and saves nothing', async (_case, fields, message) => {
    const before = await count('person');
    const res = await api.gql(CREATE_PERSON, { input: { givenName: 'Siân', familyName: 'Evans', ...fields } }, { token: officer() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(messageOf(res)).toMatch(message);
    expect(await count('person')).toBe(before);
  });

  it('refuses a language other than English or Welsh', async () => {
    const res = await api.gql(CREATE_PERSON, { input: { givenName: 'Siân', familyName: 'Evans', preferredLanguage: 'FR' } }, { token: officer() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(messageOf(res)).toMatch(/PreferredLanguage/);
  });

  it('updates only what it is given, and will not clear a name', async () => {
    const id = await createPerson({ givenName: 'Huw', familyName: 'Edwards', email: 'huw@example.test' });
    const UPDATE = `mutation ($input: UpdatePersonInput!) { updatePerson(input: $input) { __typename ... on Person { givenName email phone } ${PERSON_FAILURES} } }`;
    const res = await api.gql(UPDATE, { input: { id, email: null, phone: '+353 1 671 1111' } }, { token: officer() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.updatePerson).toEqual({ __typename: 'Person', givenName: 'Huw', email: null, phone: '+353 1 671 1111' });
    const cleared = await api.gql(UPDATE, { input: { id, givenName: null } }, { token: officer() });
    expect(codeOf(cleared)).toBe('BAD_USER_INPUT');
    const missing = await api.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', givenName: 'X' } }, { token: officer() });
    expect(missing.data!.updatePerson).toMatchObject({ __typename: 'PersonNotFound', code: 'PERSON_NOT_FOUND' });
  });

  it('answers a malformed id as bad input, and an unknown one as null', async () => {
    const bad = await api.gql(`{ person(id: "42") { id } }`, {}, { token: officer() });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(messageOf(bad)).toBe('id must be a UUID');
    const unknown = await api.gql(`{ person(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, { token: officer() });
    expect(unknown).toMatchObject({ data: { person: null } });
  });

  it('finds people by name and by legacy reference', async () => {
    const id = await createPerson({ givenName: 'Bronwen', familyName: 'Llewellyn', references: [{ system: 'orchard', reference: 'HH-90210' }] });
    const SEARCH = `query ($search: String) { people(search: $search) { totalCount edges { node { id } } } }`;
    for (const search of ['bronwen llewelyn', 'hh-902']) {
      const res = await api.gql(SEARCH, { search }, { token: planner() });
      expect(res.data!.people).toEqual({ totalCount: 1, edges: [{ node: { id } }] });
    }
  });
});

describe('person alerts', () => {
  const RAISE = `mutation ($input: RaisePersonAlertInput!) { raisePersonAlert(input: $input) { __typename ... on PersonAlert { id code meaning note } ${PERSON_FAILURES} } }`;
  const ALERTS = `query ($id: ID!) { person(id: $id) { alerts { code meaning note raisedOn endedOn } } }`;
  let personId: string;

  beforeAll(async () => {
    personId = await createPerson({ givenName: 'Rhodri', familyName: 'Bowen' });
    const res = await api.gql(RAISE, { input: { personId, code: '10', note: 'Two staff: history of aggression towards visitors' } }, { token: officer() });
    expect(res.data!.raisePersonAlert).toMatchObject({ __typename: 'PersonAlert', code: '10', meaning: "Don't visit alone" });
  });

  it('shows a repairs planner the meaning but not the note', async () => {
    const res = await api.gql(ALERTS, { id: personId }, { token: planner() });
    expect(res.data!.person.alerts).toEqual([{ code: '10', meaning: "Don't visit alone", note: null, raisedOn: expect.any(String), endedOn: null }]);
  });

  it('shows a housing officer the note', async () => {
    const res = await api.gql(ALERTS, { id: personId }, { token: officer() });
    expect(res.data!.person.alerts[0].note).toBe('Two staff: history of aggression towards visitors');
  });

  it("never shows a partner's system the note, even one that may write to the register", async () => {
    const partner = tokens.partner('contractor-x', 'millbrook', ['register:read', 'register:write']);
    const res = await api.gql(ALERTS, { id: personId }, { token: partner });
    expect(res.data!.person.alerts[0]).toMatchObject({ meaning: "Don't visit alone", note: null });
  });

  it('refuses a code that is not a HACT person alert code', async () => {
    const res = await api.gql(RAISE, { input: { personId, code: '99' } }, { token: officer() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(messageOf(res)).toBe('code must be a HACT person alert code: 10, 20-10, 20-50, 20-70, 40, 50, 60');
  });

  it('ends an alert, after which it is no longer listed as active', async () => {
    const raised = await api.gql(RAISE, { input: { personId, code: '20-50' } }, { token: officer() });
    const END = `mutation ($input: EndPersonAlertInput!) { endPersonAlert(input: $input) { __typename ... on PersonAlert { endedOn } ${PERSON_FAILURES} } }`;
    const ended = await api.gql(END, { input: { alertId: raised.data!.raisePersonAlert.id } }, { token: officer() });
    expect(ended.data!.endPersonAlert).toMatchObject({ __typename: 'PersonAlert', endedOn: expect.any(String) });
    const active = await api.gql(ALERTS, { id: personId }, { token: officer() });
    expect(active.data!.person.alerts.map((a: { code: string }) => a.code)).toEqual(['10']);
  });
});

describe('who may do what', () => {
  it('lets a repairs planner read the register but not change it', async () => {
    const read = await api.gql(`{ dwellings(first: 1) { edges { node { id } } } people(first: 1) { totalCount } }`, {}, { token: planner() });
    expect(read.errors).toBeUndefined();
    const before = await count('person');
    const write = await api.gql(CREATE_PERSON, { input: { givenName: 'Not', familyName: 'Allowed' } }, { token: planner() });
    expect(codeOf(write)).toBe('FORBIDDEN');
    expect(await count('person')).toBe(before);
  });

  it('lets partners in by scope: register:read reads, register:write writes', async () => {
    const reader = tokens.partner('data-warehouse', 'millbrook', ['register:read']);
    expect((await api.gql(`{ tenancies(first: 1) { totalCount } }`, {}, { token: reader })).errors).toBeUndefined();
    expect(codeOf(await api.gql(CREATE_PERSON, { input: { givenName: 'Via', familyName: 'Partner' } }, { token: reader }))).toBe('FORBIDDEN');
    const writer = tokens.partner('lettings-portal', 'millbrook', ['register:write']);
    expect((await api.gql(CREATE_PERSON, { input: { givenName: 'Via', familyName: 'Partner' } }, { token: writer })).data!.createPerson.__typename).toBe('Person');
  });

  it('answers MODULE_DISABLED where the member has not switched tenancies on, the field on Asset included', async () => {
    for (const query of [`{ people { totalCount } }`, `{ dwellings { totalCount } }`, `{ tenancyTerms { terminology { tenancy } } }`]) {
      const res = await api.gql(query, {}, { token: officer('thistle') });
      expect(codeOf(res)).toBe('MODULE_DISABLED');
    }
    const thistle = (await db.admin.query(`select id from hearth.tenant where slug = 'thistle'`)).rows[0];
    const assetId = await dwelling({ id: thistle.id } as TestMember);
    const res = await api.gql(`query ($id: ID!) { asset(id: $id) { id currentTenancy { id } } }`, { id: assetId }, { token: officer('thistle') });
    expect(res.errors![0]).toMatchObject({ path: ['asset', 'currentTenancy'], extensions: { code: 'MODULE_DISABLED' } });
  });
});

describe('tenancies', () => {
  it('starts a joint tenancy with a household member', async () => {
    const dwellingId = await dwelling(millbrook);
    const [a, b, child] = [await createPerson({ givenName: 'Tom', familyName: 'Reed' }), await createPerson({ givenName: 'Ana', familyName: 'Reed' }), await createPerson({ givenName: 'Lily', familyName: 'Reed' })];
    const started = await startTenancy({ dwellingId, tenants: [a, b], householdMembers: [{ personId: child, relationship: 'CHILD' }] });
    expect(started).toMatchObject({ __typename: 'Tenancy', tenureType: 'ASSURED', live: true, joint: true });
    expect(started.parties).toEqual([
      { role: 'TENANT', relationship: null, person: { id: expect.any(String), givenName: expect.any(String) } },
      { role: 'TENANT', relationship: null, person: { id: expect.any(String), givenName: expect.any(String) } },
      { role: 'HOUSEHOLD_MEMBER', relationship: 'CHILD', person: { id: child, givenName: 'Lily' } },
    ]);
  });

  it('refuses a second live tenancy on a dwelling as a typed result, writing nothing; the day after the last one ends is fine', async () => {
    const dwellingId = await dwelling(millbrook);
    const tenant = await createPerson({ givenName: 'Kim', familyName: 'Ng' });
    const first = await startTenancy({ dwellingId, tenants: [tenant], startDate: '2020-01-01' });
    const before = await counts(['tenancy', 'tenancy_party', 'tenancy_event', 'audit_log', 'outbox_event']);
    const clash = await startTenancy({ dwellingId, tenants: [tenant], startDate: '2024-01-01' });
    expect(clash).toMatchObject({ __typename: 'TenancyOverlaps', code: 'TENANCY_OVERLAPS', clashingTenancy: { id: first.id, startDate: '2020-01-01', endDate: null } });
    expect(await counts(['tenancy', 'tenancy_party', 'tenancy_event', 'audit_log', 'outbox_event'])).toEqual(before);

    const END = `mutation ($input: EndTenancyInput!) { endTenancy(input: $input) { ${TENANCY} } }`;
    const ended = await api.gql(END, { input: { id: first.id, endDate: '2023-12-31', reason: 'NOTICE' } }, { token: officer() });
    expect(ended.data!.endTenancy).toMatchObject({ endDate: '2023-12-31', endReason: 'NOTICE', live: false });
    expect(await startTenancy({ dwellingId, tenants: [tenant], startDate: '2024-01-01' })).toMatchObject({ __typename: 'Tenancy', startDate: '2024-01-01' });
  });

  it("will not start a tenancy on another member's dwelling, nor on a block", async () => {
    const tenant = await createPerson({ givenName: 'Lee', familyName: 'Hart' });
    for (const dwellingId of [await dwelling(aber), await dwelling(millbrook, { kind: 'block' })]) {
      expect(await startTenancy({ dwellingId, tenants: [tenant] })).toMatchObject({ __typename: 'DwellingNotFound', code: 'DWELLING_NOT_FOUND' });
    }
  });

  it.each([
    ['a start date that does not exist', { startDate: '2024-02-30' }, /startDate must be a date written YYYY-MM-DD/],
    ['no tenants', { tenants: [] }, /tenants must name at least one person/],
    ['five tenants', { tenants: Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`) }, /tenants may name at most four people/],
    ['a dwelling id that is not one', { dwellingId: 'flat-3' }, /dwellingId must be a UUID/],
  ])('refuses %s as bad input', async (_case, fields, message) => {
    const res = await api.gql(START, { input: { dwellingId: '00000000-0000-4000-8000-000000000000', tenants: ['00000000-0000-4000-8000-000000000001'], tenureType: 'ASSURED', startDate: '2024-04-01', ...fields } }, { token: officer() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(messageOf(res)).toMatch(message);
  });

  it('speaks of occupation contracts and contract-holders to a Welsh member, and refuses it an assured tenancy', async () => {
    const dwellingId = await dwelling(aber);
    const tenant = await createPerson({ givenName: 'Elin', familyName: 'Rees', preferredLanguage: 'CY' }, officer('aber'));
    const refused = await startTenancy({ dwellingId, tenants: [tenant] }, officer('aber'));
    expect(refused).toMatchObject({ __typename: 'TenureNotAllowed', tenureType: 'ASSURED', country: 'WALES', allowed: ['SECURE_CONTRACT', 'STANDARD_CONTRACT', 'LEASEHOLD', 'SHARED_OWNERSHIP', 'TEMPORARY'] });
    const started = await startTenancy({ dwellingId, tenants: [tenant], tenureType: 'SECURE_CONTRACT' }, officer('aber'));
    const res = await api.gql(
      `query ($id: ID!) { tenancy(id: $id) { tenureLabel terminology { country tenancy tenant } } tenancyTerms { tenureTypes { tenureType label } } }`,
      { id: started.id },
      { token: officer('aber') },
    );
    expect(res.data!.tenancy).toEqual({ tenureLabel: 'Secure occupation contract', terminology: { country: 'WALES', tenancy: 'occupation contract', tenant: 'contract-holder' } });
    expect(res.data!.tenancyTerms.tenureTypes[1]).toEqual({ tenureType: 'STANDARD_CONTRACT', label: 'Standard occupation contract' });
    const english = await api.gql(`{ tenancyTerms { terminology { tenancy tenant } } }`, {}, { token: officer() });
    expect(english.data!.tenancyTerms.terminology).toEqual({ tenancy: 'tenancy', tenant: 'tenant' });
  });

  it('records a succession: the household member becomes the tenant, and the event says who', async () => {
    const dwellingId = await dwelling(millbrook);
    const [mother, son] = [await createPerson({ givenName: 'Mary', familyName: 'Kane' }), await createPerson({ givenName: 'Joe', familyName: 'Kane' })];
    const tenancy = await startTenancy({ dwellingId, tenants: [mother], householdMembers: [{ personId: son, relationship: 'CHILD' }], startDate: '2001-06-01' });
    const res = await api.gql(
      `mutation ($input: RecordSuccessionInput!) { recordSuccession(input: $input) {
         __typename ... on Tenancy { parties(includePast: true) { role leftOn person { givenName } } events { kind occurredOn people { givenName } } } ${FAILURES} } }`,
      { input: { tenancyId: tenancy.id, formerTenantId: mother, successorId: son, date: '2025-01-20' } },
      { token: officer() },
    );
    expect(res.data!.recordSuccession.parties).toEqual(
      expect.arrayContaining([
        { role: 'TENANT', leftOn: '2025-01-20', person: { givenName: 'Mary' } },
        { role: 'TENANT', leftOn: null, person: { givenName: 'Joe' } },
      ]),
    );
    expect(res.data!.recordSuccession.events).toEqual([
      { kind: 'STARTED', occurredOn: '2001-06-01', people: [{ givenName: 'Mary' }] },
      { kind: 'SUCCESSION', occurredOn: '2025-01-20', people: [{ givenName: 'Joe' }] },
    ]);
  });

  it('records a mutual exchange: both tenancies end, both households move, and the events link them', async () => {
    const [homeA, homeB] = [await dwelling(millbrook), await dwelling(millbrook)];
    const [a, b] = [await createPerson({ givenName: 'Ann', familyName: 'Swap' }), await createPerson({ givenName: 'Bo', familyName: 'Swap' })];
    const tenancyA = await startTenancy({ dwellingId: homeA, tenants: [a], tenureType: 'SECURE', startDate: '2015-01-01' });
    const tenancyB = await startTenancy({ dwellingId: homeB, tenants: [b], startDate: '2018-01-01' });
    const res = await api.gql(
      `mutation ($input: RecordMutualExchangeInput!) { recordMutualExchange(input: $input) {
         __typename ... on MutualExchangeRecorded { ended { id endDate endReason } started { dwellingId tenureType startDate parties { person { id } } events { kind relatedTenancy { id } } } }
         ${START_FAILURES} } }`,
      { input: { tenancyId: tenancyA.id, withTenancyId: tenancyB.id, exchangedOn: '2025-03-01' } },
      { token: officer() },
    );
    const recorded = res.data!.recordMutualExchange;
    expect(recorded.ended).toEqual([
      { id: tenancyA.id, endDate: '2025-02-28', endReason: 'MUTUAL_EXCHANGE' },
      { id: tenancyB.id, endDate: '2025-02-28', endReason: 'MUTUAL_EXCHANGE' },
    ]);
    expect(recorded.started).toEqual([
      { dwellingId: homeB, tenureType: 'ASSURED', startDate: '2025-03-01', parties: [{ person: { id: a } }], events: [{ kind: 'STARTED', relatedTenancy: { id: tenancyA.id } }, { kind: 'MUTUAL_EXCHANGE', relatedTenancy: { id: tenancyA.id } }] },
      { dwellingId: homeA, tenureType: 'SECURE', startDate: '2025-03-01', parties: [{ person: { id: b } }], events: [{ kind: 'STARTED', relatedTenancy: { id: tenancyB.id } }, { kind: 'MUTUAL_EXCHANGE', relatedTenancy: { id: tenancyB.id } }] },
    ]);
  });

  it('adds and removes a household member', async () => {
    const dwellingId = await dwelling(millbrook);
    const [tenant, lodger] = [await createPerson({ givenName: 'Pat', familyName: 'Doyle' }), await createPerson({ givenName: 'Chris', familyName: 'Lane' })];
    const tenancy = await startTenancy({ dwellingId, tenants: [tenant] });
    const ADD = `mutation ($input: AddHouseholdMemberInput!) { addHouseholdMember(input: $input) { ${TENANCY} } }`;
    const REMOVE = `mutation ($input: RemoveHouseholdMemberInput!) { removeHouseholdMember(input: $input) { ${TENANCY} } }`;
    const added = await api.gql(ADD, { input: { tenancyId: tenancy.id, personId: lodger, relationship: 'LODGER', joinedOn: '2024-05-01' } }, { token: officer() });
    expect(added.data!.addHouseholdMember.parties).toContainEqual({ role: 'HOUSEHOLD_MEMBER', relationship: 'LODGER', person: { id: lodger, givenName: 'Chris' } });
    const removed = await api.gql(REMOVE, { input: { tenancyId: tenancy.id, personId: lodger, leftOn: '2024-11-30' } }, { token: officer() });
    expect(removed.data!.removeHouseholdMember.parties).toEqual([{ role: 'TENANT', relationship: null, person: { id: tenant, givenName: 'Pat' } }]);
    const again = await api.gql(REMOVE, { input: { tenancyId: tenancy.id, personId: lodger } }, { token: officer() });
    expect(again.data!.removeHouseholdMember).toMatchObject({ __typename: 'TenancyInvalid', problems: [{ field: 'personId' }] });
  });

  it("lists a person's tenancies, and tenancies by dwelling", async () => {
    const dwellingId = await dwelling(millbrook);
    const tenant = await createPerson({ givenName: 'Val', familyName: 'Moss' });
    const tenancy = await startTenancy({ dwellingId, tenants: [tenant], tenureType: 'STARTER' });
    const res = await api.gql(
      `query ($person: ID!, $dwelling: ID!) {
         person(id: $person) { tenancies { id dwelling { id postcode } } }
         tenancies(filter: { dwellingId: $dwelling, live: true }) { totalCount edges { node { id tenureLabel } } } }`,
      { person: tenant, dwelling: dwellingId },
      { token: planner() },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.tenancies).toEqual([{ id: tenancy.id, dwelling: { id: dwellingId, postcode: 'CF10 1AA' } }]);
    expect(res.data!.tenancies).toEqual({ totalCount: 1, edges: [{ node: { id: tenancy.id, tenureLabel: 'Starter tenancy' } }] });
  });
});

describe('the dwelling register', () => {
  let member: TestMember;
  const homes: string[] = [];

  beforeAll(async () => {
    member = await insertMember(db.admin, 'bigreg', { assets: {}, tenancies: {} });
    // Dwellings 1 to 60: LS1 to LS3 by number, East when even; all let but every tenth, every fourth
    // as a starter tenancy; each tenancy to two people, every third person with an alert.
    await db.admin.query(
      `insert into hearth.asset (tenant_id, kind, address_line_1, postcode, patch)
       select $1, 'dwelling', g || ' Station Road', 'LS' || (g % 3 + 1) || ' 1AB', case when g % 2 = 0 then 'East' else 'West' end
       from generate_series(1, 60) g`,
      [member.id],
    );
    await db.admin.query(
      `with homes as (select id, split_part(address_line_1, ' ', 1)::int as n from hearth.asset where tenant_id = $1),
       let as (
         insert into hearth.tenancy (tenant_id, dwelling_id, tenure_type, start_date)
         select $1, id, case when n % 4 = 0 then 'starter' else 'assured' end, date '2019-01-01' + n::int from homes where n % 10 <> 0
         returning id),
       people as (
         insert into hearth.person (tenant_id, given_name, family_name)
         select $1, 'Person', 'Number ' || g from generate_series(1, 108) g returning id),
       numbered_people as (select id, row_number() over (order by id) as n from people),
       numbered_let as (select id, row_number() over (order by id) as n from let),
       parties as (
         insert into hearth.tenancy_party (tenant_id, tenancy_id, person_id, role)
         select $1, l.id, p.id, 'tenant' from numbered_let l join numbered_people p on p.n in (l.n * 2 - 1, l.n * 2)
         returning person_id)
       insert into hearth.person_alert (tenant_id, person_id, code, raised_by)
       select $1, id, '20-50', 'seed' from numbered_people where n % 3 = 0`,
      [member.id],
    );
    homes.push(...(await db.admin.query(`select id from hearth.asset where tenant_id = $1`, [member.id])).rows.map((r) => r.id));
  });

  const token = () => tokens.user('bigreg', ['repairs-planner']);
  const DWELLINGS = `query ($filter: DwellingsFilter, $first: Int, $after: String) {
    dwellings(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id asset { postcode patch } currentTenancy { tenureType } } } } }`;

  it('filters by patch, postcode, tenure and occupancy, counting what matches', async () => {
    const cases: [Record<string, unknown>, number][] = [
      [{}, 60], [{ patch: 'East' }, 30], [{ postcode: 'LS2' }, 20], [{ occupancy: 'VOID' }, 6], [{ occupancy: 'OCCUPIED' }, 54],
      [{ tenureType: 'STARTER' }, 12], [{ patch: 'West', occupancy: 'OCCUPIED', postcode: 'LS1' }, 10], [{ patch: 'East', occupancy: 'VOID' }, 6],
    ];
    for (const [filter, expected] of cases) {
      const res = await api.gql(DWELLINGS, { filter, first: 100 }, { token: token() });
      expect(res.errors).toBeUndefined();
      expect([filter, res.data!.dwellings.totalCount, res.data!.dwellings.edges.length]).toEqual([filter, expected, expected]);
    }
    const voids = await api.gql(DWELLINGS, { filter: { occupancy: 'VOID' } }, { token: token() });
    expect(voids.data!.dwellings.edges.every((e: any) => e.node.currentTenancy === null)).toBe(true);
  });

  it('pages through every dwelling once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse = await api.gql(DWELLINGS, { first: 25, after }, { token: token() });
      const { edges, pageInfo } = res.data!.dwellings;
      seen.push(...edges.map((e: { node: { id: string } }) => e.node.id));
      after = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(60);
    expect(new Set(seen)).toEqual(new Set(homes));
  });

  it('refuses a cursor it did not issue, and a malformed postcode', async () => {
    expect(codeOf(await api.gql(DWELLINGS, { after: 'WyJ4Il0' }, { token: token() }))).toBe('BAD_USER_INPUT');
    expect(messageOf(await api.gql(DWELLINGS, { filter: { postcode: 'LS1; --' } }, { token: token() }))).toMatch(/postcode may hold letters, digits and spaces only/);
  });

  it("adds the live tenancy to the assets module's Asset", async () => {
    const res = await api.gql(`{ dwellings(first: 3) { edges { node { currentTenancy { id } asset { currentTenancy { id } } } } } }`, {}, { token: token() });
    for (const { node } of res.data!.dwellings.edges) expect(node.asset.currentTenancy).toEqual(node.currentTenancy);
  });

  it('loads a nested page in a number of statements that does not grow with the page (no N+1)', async () => {
    const NESTED = `query ($first: Int) { dwellings(first: $first) { edges { node {
      asset { postcode }
      currentTenancy { tenureLabel terminology { tenant } dwelling { id } events { kind } parties { role person { givenName alerts { code meaning } tenancies { id } } } } } } } }`;
    const statements = async (first: number) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const res = await api.gql(NESTED, { first }, { token: token() });
        expect(res.errors).toBeUndefined();
        expect(res.data!.dwellings.edges).toHaveLength(first);
        return spy.mock.calls.map(([sql]) => sql as string);
      } finally {
        spy.mockRestore();
      }
    };
    const small = await statements(10);
    const large = await statements(50);
    expect(large).toHaveLength(small.length);
    // The page, then one query per relation: tenancies' dwellings, events, parties, people, alerts, people's tenancies.
    expect(large.length).toBeLessThanOrEqual(16);
  });
});
