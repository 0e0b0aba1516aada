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

  it("lists the console pages each module offers that the user's roles open", async () => {
    const query = `{ modules { key consoleRoutes { path title titleCy } } }`;
    const pagesOf = async (roles: string[], member: string | null = null) => {
      const res = await api.gql(query, {}, { token: tokens.user(member, roles) });
      expect(res.errors).toBeUndefined();
      return (res.data!.modules as { consoleRoutes: { path: string }[] }[]).flatMap((m) => m.consoleRoutes.map((r) => r.path));
    };
    const officer = await pagesOf(['housing-officer'], 'millbrook');
    expect(officer).toEqual(expect.arrayContaining(['noticeboard', 'imports', 'repairs', 'rent']));
    expect(officer).not.toContain('consortium');
    // Suspense is for income officers; imports write the register, which repairs planners may not.
    const planner = await pagesOf(['repairs-planner'], 'millbrook');
    expect(planner).toContain('repairs/hazards');
    expect(planner).not.toContain('rent/suspense');
    expect(planner).not.toContain('imports');
    expect(await pagesOf(['consortium-admin'])).toContain('consortium');
    const res = await api.gql(query, {}, { token: tokens.user('millbrook', ['housing-officer']) });
    expect(res.data!.modules).toEqual(
      expect.arrayContaining([{ key: 'repairs', consoleRoutes: expect.arrayContaining([{ path: 'repairs/hazards', title: 'Hazards', titleCy: 'Peryglon' }]) }]),
    );
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

describe('a request is never half-applied', () => {
  it('rolls back every mutation of a request when one of them fails, audit and events included', async () => {
    const token = tokens.user('millbrook', ['housing-officer']);
    const count = async () =>
      (await db.admin.query(`select (select count(*) from hearth.notice)::int as notices, (select count(*) from hearth.audit_log)::int as audit, (select count(*) from hearth.outbox_event)::int as events`)).rows[0];
    const before = await count();
    const res = await api.gql(
      `mutation {
        first: postNotice(input: { title: "Applied?", body: "This must not survive its sibling's failure." }) { id }
        second: postNotice(input: { title: "Too old", body: "x", expiresAt: "2001-01-01T00:00:00Z" }) { id }
      }`,
      {},
      { token },
    );
    expect(res.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/expiresAt must be in the future/);
    expect(await count()).toEqual(before);
  });

  it('commits a request whose mutations all succeed, with their audit entries and events', async () => {
    const token = tokens.user('millbrook', ['housing-officer'], { name: 'Sam Patel' });
    const res = await api.gql(`mutation { postNotice(input: { title: "Fire drill", body: "Thursday 10:00" }) { id } }`, {}, { token });
    const id = res.data!.postNotice.id;
    const audit = await db.admin.query(`select operation, actor_name, target_id, after->>'title' as title from hearth.audit_log where target_id = $1`, [id]);
    expect(audit.rows).toEqual([{ operation: 'postNotice', actor_name: 'Sam Patel', target_id: id, title: 'Fire drill' }]);
    const events = await db.admin.query(`select type from hearth.outbox_event where aggregate_id = $1`, [id]);
    expect(events.rows).toEqual([{ type: 'noticeboard.notice.posted' }]);
  });
});
