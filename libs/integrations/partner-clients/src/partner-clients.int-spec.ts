import { CalendarModule } from '@hearth/platform-calendar';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { PartnerClientsModule } from './partner-clients.module';
import { LOCAL_DIRECTORY_NOTICE } from './partner-client-directory';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let aber: TestMember;
let millbrook: TestMember;

beforeAll(async () => {
  db = await createTestDatabase({
    ...tokens.env,
    PARTNER_CLIENTS_REQUIRE_REGISTRATION: 'true',
    RATE_LIMIT_WINDOW_SECONDS: '2',
  });
  aber = await insertMember(db.admin, 'aber', {}, { country: 'wales', languages: ['cy', 'en'] });
  millbrook = await insertMember(db.admin, 'millbrook');
  // The partner-clients module with the calendar, whose calendar:read scope stands in for any module's.
  api = await serveModulesForTest(db.config, [PartnerClientsModule, CalendarModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const admin = (member: TestMember = aber) => tokens.user(member.organization, ['tenant-admin'], { name: 'Siân Lloyd' });
const CLIENT = `id clientId name description scopes status rateLimitPerMinute issuer createdBy secretRotatedAt suspendedAt suspendedBy suspensionReason`;
const REGISTER = `mutation ($input: RegisterPartnerClientInput!) { registerPartnerClient(input: $input) { __typename
  ... on PartnerClientSecret { clientSecret tokenEndpoint notice client { ${CLIENT} } }
  ... on PartnerClientInvalid { code message problems { field message } } } }`;
const SUSPEND = `mutation ($id: ID!, $reason: String!) { suspendPartnerClient(id: $id, reason: $reason) { __typename
  ... on PartnerClient { status suspendedBy suspensionReason }
  ... on ErrorResult { code message } } }`;
const REINSTATE = `mutation ($id: ID!) { reinstatePartnerClient(id: $id) { __typename ... on PartnerClient { status } ... on ErrorResult { code message } } }`;
const ROTATE = `mutation ($id: ID!) { rotatePartnerClientSecret(id: $id) { __typename
  ... on PartnerClientSecret { clientSecret client { secretRotatedAt } } ... on ErrorResult { code message } } }`;
const UPDATE = `mutation ($input: UpdatePartnerClientInput!) { updatePartnerClient(input: $input) { __typename
  ... on PartnerClient { scopes rateLimitPerMinute description } ... on PartnerClientInvalid { code problems { field message } } ... on ErrorResult { code } } }`;
const CLOSURES = `{ closureDays { day } }`;

async function register(name: string, input: Record<string, unknown> = {}, member = aber) {
  const res = await api.gql(REGISTER, { input: { name, scopes: ['calendar:read'], ...input } }, { token: admin(member) });
  expect(res.errors).toBeUndefined();
  return res.data!.registerPartnerClient;
}

const count = async (table: string, where = 'true') => (await db.admin.query(`select count(*)::int as n from hearth.${table} where ${where}`)).rows[0].n;

describe('partnerScopes', () => {
  it("lists every scope the installed modules' permissions name, with what each opens", async () => {
    const res = await api.gql(`{ partnerScopes { scope permissions { module permission description } } }`, {}, { token: admin() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.partnerScopes).toEqual([
      { scope: 'calendar:read', permissions: [{ module: 'calendar', permission: 'read', description: expect.any(String) }] },
    ]);
  });
});

describe('registerPartnerClient', () => {
  it('records the client, answers its secret once with a notice that tokens come from Keycloak, and audits it', async () => {
    const result = await register('Acme Repairs (North)', { description: 'Job management system', rateLimitPerMinute: 120 });
    expect(result).toMatchObject({
      __typename: 'PartnerClientSecret',
      tokenEndpoint: 'http://keycloak.test/realms/hearth/protocol/openid-connect/token',
      notice: LOCAL_DIRECTORY_NOTICE,
      client: {
        clientId: 'aber-acme-repairs-north',
        name: 'Acme Repairs (North)',
        description: 'Job management system',
        scopes: ['calendar:read'],
        status: 'ACTIVE',
        rateLimitPerMinute: 120,
        issuer: 'LOCAL',
        createdBy: 'Siân Lloyd',
      },
    });
    expect(result.clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const listed = await api.gql(`{ partnerClients { clientId } }`, {}, { token: admin() });
    expect(listed.data!.partnerClients).toContainEqual({ clientId: 'aber-acme-repairs-north' });
    const { rows } = await db.admin.query(`select after::text from hearth.audit_log where operation = 'registerPartnerClient' and target_id = $1`, [result.client.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].after).not.toContain(result.clientSecret);
  });

  it('refuses unknown scopes and a name already used, as typed problems, changing nothing', async () => {
    await register('Dup Co');
    const before = [await count('partner_client'), await count('audit_log')];
    const unknown = await api.gql(REGISTER, { input: { name: 'Other', scopes: ['calendar:read', 'everything:write'] } }, { token: admin() });
    expect(unknown.data!.registerPartnerClient).toEqual({
      __typename: 'PartnerClientInvalid',
      code: 'PARTNER_CLIENT_INVALID',
      message: expect.stringContaining('"everything:write" is not a scope'),
      problems: [{ field: 'scopes[1]', message: expect.stringContaining('everything:write') }],
    });
    const duplicate = await api.gql(REGISTER, { input: { name: 'dup co', scopes: ['calendar:read'] } }, { token: admin() });
    expect(duplicate.data!.registerPartnerClient).toMatchObject({ code: 'PARTNER_CLIENT_INVALID', problems: [{ field: 'name' }] });
    expect([await count('partner_client'), await count('audit_log')]).toEqual(before);
  });

  it('lets the same name be used by another member (client ids carry the member)', async () => {
    const result = await register('Dup Co', {}, millbrook);
    expect(result.client.clientId).toBe('millbrook-dup-co');
  });

  it('refuses bad input before it reaches the service', async () => {
    const res = await api.gql(REGISTER, { input: { name: 'X', scopes: [], rateLimitPerMinute: 0 } }, { token: admin() });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });

  it('is for tenant admins only: not other staff, nor partners', async () => {
    const officer = await api.gql(REGISTER, { input: { name: 'Sneaky', scopes: ['calendar:read'] } }, { token: tokens.user('aber', ['housing-officer']) });
    expect(codeOf(officer)).toBe('FORBIDDEN');
    const { client } = await register('Escalator');
    const partner = await api.gql(`{ partnerClients { clientId } }`, {}, { token: tokens.partner(client.clientId, 'aber', ['calendar:read']) });
    expect(codeOf(partner)).toBe('FORBIDDEN');
    expect(partner.errors![0].message).toMatch(/lacks a scope/);
  });

  it("cannot see or change another member's clients", async () => {
    const { client } = await register('Private Co', {}, millbrook);
    const fetched = await api.gql(`query ($id: ID!) { partnerClient(id: $id) { id } }`, { id: client.id }, { token: admin(aber) });
    expect(fetched.data!.partnerClient).toBeNull();
    const suspended = await api.gql(SUSPEND, { id: client.id, reason: 'mine now' }, { token: admin(aber) });
    expect(suspended.data!.suspendPartnerClient).toMatchObject({ code: 'PARTNER_CLIENT_NOT_FOUND' });
  });
});

describe('enforcement on every request', () => {
  it("refuses a suspended client's unexpired token, and lets it in again once reinstated", async () => {
    const { client } = await register('Pay Co');
    const token = tokens.partner(client.clientId, 'aber', ['calendar:read']);
    expect((await api.gql(CLOSURES, {}, { token })).errors).toBeUndefined();

    const suspended = await api.gql(SUSPEND, { id: client.id, reason: 'Contract ended' }, { token: admin() });
    expect(suspended.data!.suspendPartnerClient).toEqual({
      __typename: 'PartnerClient', status: 'SUSPENDED', suspendedBy: 'Siân Lloyd', suspensionReason: 'Contract ended',
    });
    const refused = await api.gql(CLOSURES, {}, { token });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].message).toBe('This partner client is suspended');

    const again = await api.gql(SUSPEND, { id: client.id, reason: 'twice' }, { token: admin() });
    expect(again.data!.suspendPartnerClient).toMatchObject({ code: 'PARTNER_CLIENT_ALREADY_SUSPENDED' });
    expect((await api.gql(REINSTATE, { id: client.id }, { token: admin() })).data!.reinstatePartnerClient).toEqual({ __typename: 'PartnerClient', status: 'ACTIVE' });
    expect((await api.gql(CLOSURES, {}, { token })).errors).toBeUndefined();
    const operations = await db.admin.query(`select operation from hearth.audit_log where target_id = $1 order by occurred_at`, [client.id]);
    expect(operations.rows.map((r) => r.operation)).toEqual(['registerPartnerClient', 'suspendPartnerClient', 'reinstatePartnerClient']);
  });

  it('refuses a suspension without a reason, changing nothing', async () => {
    const { client } = await register('Quiet Co');
    const res = await api.gql(SUSPEND, { id: client.id, reason: '   ' }, { token: admin() });
    expect(res.data!.suspendPartnerClient).toMatchObject({ code: 'PARTNER_CLIENT_INVALID' });
    expect(await count('partner_client', `id = '${client.id}' and status = 'active'`)).toBe(1);
  });

  it('refuses a token whose client no member registered, and one registered with another member', async () => {
    const stranger = await api.gql(CLOSURES, {}, { token: tokens.partner('aber-nobody', 'aber', ['calendar:read']) });
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(stranger.errors![0].message).toMatch(/not registered with this member/);
    const { client } = await register('Roamer', {}, millbrook);
    const elsewhere = await api.gql(CLOSURES, {}, { token: tokens.partner(client.clientId, 'aber', ['calendar:read']) });
    expect(codeOf(elsewhere)).toBe('FORBIDDEN');
  });

  it('takes a scope away from unexpired tokens as soon as the client loses it', async () => {
    const { client } = await register('Narrowed', { scopes: ['calendar:read'] });
    const token = tokens.partner(client.clientId, 'aber', ['calendar:read']);
    expect((await api.gql(CLOSURES, {}, { token })).errors).toBeUndefined();
    // A client left holding no scope the calendar opens: its token still claims calendar:read.
    await db.admin.query(`update hearth.partner_client set scopes = '{other:read}' where id = $1`, [client.id]);
    const updated = await api.gql(UPDATE, { input: { id: client.id, description: 'narrowed' } }, { token: admin() });
    expect(updated.data!.updatePartnerClient).toMatchObject({ __typename: 'PartnerClient', scopes: ['other:read'] });
    expect(codeOf(await api.gql(CLOSURES, {}, { token }))).toBe('FORBIDDEN');
  });
});

describe('updatePartnerClient and rotatePartnerClientSecret', () => {
  it('changes the limit (null is the default again) and refuses unknown scopes', async () => {
    const { client } = await register('Limits Co', { rateLimitPerMinute: 50 });
    const bad = await api.gql(UPDATE, { input: { id: client.id, scopes: ['nope:nope'] } }, { token: admin() });
    expect(bad.data!.updatePartnerClient).toMatchObject({ code: 'PARTNER_CLIENT_INVALID', problems: [{ field: 'scopes[0]' }] });
    const cleared = await api.gql(UPDATE, { input: { id: client.id, rateLimitPerMinute: null } }, { token: admin() });
    expect(cleared.data!.updatePartnerClient).toMatchObject({ rateLimitPerMinute: null, scopes: ['calendar:read'] });
    const missing = await api.gql(UPDATE, { input: { id: '00000000-0000-4000-8000-000000000000', rateLimitPerMinute: 5 } }, { token: admin() });
    expect(missing.data!.updatePartnerClient).toMatchObject({ code: 'PARTNER_CLIENT_NOT_FOUND' });
  });

  it('answers a new secret once and records when, never what', async () => {
    const first = await register('Rotator');
    const rotated = (await api.gql(ROTATE, { id: first.client.id }, { token: admin() })).data!.rotatePartnerClientSecret;
    expect(rotated.__typename).toBe('PartnerClientSecret');
    expect(rotated.clientSecret).not.toBe(first.clientSecret);
    expect(rotated.client.secretRotatedAt).toEqual(expect.any(String));
    const { rows } = await db.admin.query(`select before::text || after::text as text from hearth.audit_log where operation = 'rotatePartnerClientSecret' and target_id = $1`, [first.client.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].text).not.toContain(rotated.clientSecret);
  });
});

describe("a client's own rate limit", () => {
  it('refuses the request after its limit within a window with 429 and Retry-After, per client, and recovers after the window', async () => {
    const slow = (await register('Slow Co', { rateLimitPerMinute: 3 })).client;
    const other = (await register('Other Co', { rateLimitPerMinute: 3 })).client;
    const post = (clientId: string) =>
      fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.partner(clientId, 'aber', ['calendar:read'])}` },
        body: JSON.stringify({ query: CLOSURES }),
      });
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await post(slow.clientId));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
    expect(answers[0].headers.get('ratelimit-limit')).toBe('3');
    expect(Number(answers[0].headers.get('ratelimit-reset'))).toBeLessThanOrEqual(2);
    const refusal = (await answers[3].json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refusal.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', limit: 3, windowSeconds: 2, retryAfterSeconds: expect.any(Number) });
    expect(refusal.errors[0].message).toMatch(new RegExp(`partner client ${slow.clientId} may make 3 requests per 2 seconds; retry after \\d+ s`));

    expect((await post(other.clientId)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await post(slow.clientId)).status).toBe(200);
  });
});
