import { generateKeyPairSync } from 'node:crypto';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ACCESS_RULE } from '@hearth/platform-auth';
import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase } from '@hearth/platform-testing';
import { startTestApi } from './testing';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'aber', { noticeboard: {} }, { country: 'wales', languages: ['cy', 'en'] });
  await insertMember(db.admin, 'millbrook', { noticeboard: {} });
  await insertMember(db.admin, 'gone', { noticeboard: {} }, { status: 'suspended' });
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const ME = `{ me { subject kind actingFor member { slug } } }`;
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;

describe('tokens', () => {
  const officer = (overrides = {}) => tokens.user('aber', ['housing-officer'], overrides);

  it('accepts a good token', async () => {
    const res = await api.gql(ME, {}, { token: officer() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.me.member.slug).toBe('aber');
  });

  it.each([
    ['a wrong issuer', () => officer({ iss: 'http://evil.test/realms/hearth' }), /wrong ISS/],
    ['a wrong audience', () => officer({ aud: 'some-other-api' }), /wrong audience/],
    ['an expired token', () => officer({ exp: Math.floor(Date.now() / 1000) - 60 }), /expired/],
    ['an ID token', () => officer({ typ: 'ID' }), /wrong type/],
    ['a token with no expiry', () => tokens.sign({ sub: 'x', exp: undefined as never, realm_access: { roles: ['housing-officer'] }, organization: ['aber'] }), /no expiry/],
    ['a forged signature', () => tokens.sign({ sub: 'x', organization: ['aber'], realm_access: { roles: ['tenant-admin'] } }, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), /signature/],
    ['an unsigned token', () => officer().split('.').slice(0, 2).join('.') + '.', /signature|not signed/],
    ['garbage', () => 'not-a-jwt', /RS256/],
  ])('refuses %s', async (_case, token, reason) => {
    const res = await api.gql(ME, {}, { token: token() });
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.errors![0].message).toMatch(reason);
    expect(res.data).toBeNull();
  });

  it('refuses a token for an organisation that is not a member', async () => {
    const res = await api.gql(ME, {}, { token: tokens.user('stranger-org', ['tenant-admin']) });
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it("refuses a suspended member's staff", async () => {
    const res = await api.gql(ME, {}, { token: tokens.user('gone', ['tenant-admin']) });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.errors![0].message).toMatch(/suspended/);
  });
});

describe('acting for a member', () => {
  const admin = () => tokens.user(null, ['consortium-admin'], { sub: 'admin-1', name: 'Alex Morgan' });

  it("refuses a member's token that names another member", async () => {
    const res = await api.gql(ME, {}, { token: tokens.user('aber', ['tenant-admin']), actFor: 'millbrook' });
    expect(codeOf(res)).toBe('FORBIDDEN');
  });

  it('lets a consortium admin act for a member it names, and audits the act', async () => {
    const res = await api.gql(ME, {}, { token: admin(), actFor: 'millbrook' });
    expect(res.data!.me).toMatchObject({ actingFor: true, member: { slug: 'millbrook' } });
    const { rows } = await db.admin.query(
      `select a.operation, a.actor_id, a.acting_for, a.target_id from hearth.audit_log a join hearth.tenant t on t.id = a.tenant_id
       where t.slug = 'millbrook' and a.operation = 'consortium.actFor'`,
    );
    expect(rows).toEqual([{ operation: 'consortium.actFor', actor_id: 'admin-1', acting_for: true, target_id: 'me' }]);
  });

  it('gives a consortium admin no member unless one is named', async () => {
    const me = await api.gql(ME, {}, { token: admin() });
    expect(me.data!.me).toMatchObject({ actingFor: false, member: null });
    const notices = await api.gql(`{ notices { totalCount } }`, {}, { token: admin() });
    expect(codeOf(notices)).toBe('TENANT_REQUIRED');
  });

  it('answers UNKNOWN_MEMBER for a member that does not exist', async () => {
    const res = await api.gql(ME, {}, { token: admin(), actFor: 'atlantis' });
    expect(codeOf(res)).toBe('UNKNOWN_MEMBER');
  });
});

describe('roles and partner scopes', () => {
  const post = `mutation { postNotice(input: { title: "Lift out of order", body: "Block C lift is being repaired." }) { id postedBy } }`;

  it('lets a role that holds the permission act', async () => {
    const res = await api.gql(post, {}, { token: tokens.user('aber', ['housing-officer'], { name: 'Ffion Evans' }) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.postNotice.postedBy).toBe('Ffion Evans');
  });

  it('refuses a role that does not, and changes nothing', async () => {
    const before = await db.admin.query(`select count(*)::int as n from hearth.notice`);
    const res = await api.gql(post, {}, { token: tokens.user('aber', ['income-officer']) });
    expect(codeOf(res)).toBe('FORBIDDEN');
    const after = await db.admin.query(`select count(*)::int as n from hearth.notice`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('lets a partner read with the scope, but not post without one', async () => {
    const partner = tokens.partner('contractor-x', 'aber', ['noticeboard:read']);
    const read = await api.gql(`{ notices { totalCount } me { kind subject } }`, {}, { token: partner });
    expect(read.errors).toBeUndefined();
    expect(read.data!.me).toEqual({ kind: 'PARTNER', subject: 'contractor-x' });
    const write = await api.gql(post, {}, { token: partner });
    expect(codeOf(write)).toBe('FORBIDDEN');
  });

  it('refuses a partner scoped to one member reading another', async () => {
    const partner = tokens.partner('contractor-x', 'aber', ['noticeboard:read']);
    const res = await api.gql(`{ notices { totalCount } }`, {}, { token: partner, actFor: 'millbrook' });
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});

describe('every operation in the schema', () => {
  it('is guarded with roles or explicitly marked public or signed-in', () => {
    const handlers = new Map<string, unknown>();
    const providers = [...api.app.get(ModulesContainer).values()].flatMap((m) => [...m.providers.values()]);
    for (const wrapper of providers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = Object.getOwnPropertyDescriptor(prototype, method)?.value;
        const type = typeof handler === 'function' ? Reflect.getMetadata('graphql:resolver_type', handler) : undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const name = Reflect.getMetadata('graphql:resolver_name', handler) ?? method;
        handlers.set(`${type}.${name}`, Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, prototype.constructor));
      }
    }
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((f) => `Mutation.${f}`),
    ];
    expect(operations.length).toBeGreaterThan(4);
    const unguarded = operations.filter((operation) => !handlers.get(operation));
    expect(unguarded).toEqual([]);
  });
});

describe('limits and errors', () => {
  const token = () => tokens.user('aber', ['housing-officer']);

  it('refuses a page larger than the cap with a clear message', async () => {
    const res = await api.gql(`{ notices(first: 1000) { totalCount } }`, {}, { token: token() });
    expect(codeOf(res)).toBe('PAGE_SIZE_TOO_LARGE');
    expect(res.errors![0].message).toMatch(/asks for 1000 rows; the limit is 100 per page/);
  });

  it('refuses a query over the cost budget before running it', async () => {
    const page = (alias: string) => `${alias}: notices(first: 100) { edges { cursor node { id title body postedBy postedAt expiresAt withdrawnAt } } }`;
    const res = await api.gql(`{ ${['a', 'b', 'c', 'd', 'e', 'f'].map(page).join(' ')} }`, {}, { token: token() });
    expect(codeOf(res)).toBe('QUERY_TOO_COSTLY');
    expect(res.errors![0].message).toMatch(/limit is 5000/);
    expect((await api.gql(`{ ${page('a')} }`, {}, { token: token() })).errors).toBeUndefined();
  });

  it('refuses variables that do not fit the operation as bad input, not as an internal error', async () => {
    const res = await api.gql(`mutation ($input: PostNoticeInput!) { postNotice(input: $input) { id } }`, { input: { title: 'x', body: 'y', colour: 'red' } }, { token: token() });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/colour/);
  });

  it('gives validation errors a code and keeps internals out of messages', async () => {
    const res = await api.gql(`{ nothingHere }`, {}, { token: token() });
    expect(codeOf(res)).toBe('BAD_QUERY');
    const bad = await api.gql(`mutation { postNotice(input: { title: "", body: "x" }) { id } }`, {}, { token: token() });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toMatch(/title must not be empty/);
  });
});
