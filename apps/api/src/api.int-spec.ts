import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase } from '@hearth/platform-testing';
import { startTestApi } from './testing';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'millbrook', { noticeboard: {} });
  await insertMember(db.admin, 'thistle');
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const SHELL = `{ me { subject kind roles actingFor member { slug name country } } modules { key enabled core } }`;

describe('the signed-in shell', () => {
  it("tells a member's staff who they are, their member and its modules", async () => {
    const res = await api.gql(SHELL, {}, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.me).toMatchObject({ kind: 'USER', roles: ['housing-officer'], actingFor: false, member: { slug: 'millbrook', country: 'ENGLAND' } });
    expect(res.data!.modules).toEqual(
      expect.arrayContaining([
        { key: 'members', enabled: true, core: true },
        { key: 'noticeboard', enabled: true, core: false },
      ]),
    );
  });

  it('shows a module as off where the member has not switched it on', async () => {
    const res = await api.gql(SHELL, {}, { token: tokens.user('thistle', ['housing-officer']) });
    expect(res.data!.modules).toEqual(expect.arrayContaining([{ key: 'noticeboard', enabled: false, core: false }]));
  });

  it('refuses a request with no token', async () => {
    const res = await api.gql(SHELL);
    expect(res.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });
});

describe('a switched-off module', () => {
  it('answers MODULE_DISABLED for that member only', async () => {
    const query = `{ notices { totalCount } }`;
    const off = await api.gql(query, {}, { token: tokens.user('thistle', ['housing-officer']) });
    expect(off.errors![0].extensions!.code).toBe('MODULE_DISABLED');
    const on = await api.gql(query, {}, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(on.errors).toBeUndefined();
    expect(on.data!.notices.totalCount).toBe(0);
  });
});

describe('health', () => {
  it('is live and ready when PostgreSQL and Redis answer', async () => {
    const live = await fetch(`${api.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${api.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', checks: { postgres: 'up', redis: 'up' } });
  });
});
