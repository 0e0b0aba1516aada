import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase } from '@hearth/platform-testing';
import { SAMPLE_MODULES } from './testing/sample-modules';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'alpha', { 'sample-assets': {} });
  await insertMember(db.admin, 'beta');
  api = await serveModulesForTest(db.config, SAMPLE_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const consortiumAdmin = tokens.user(null, ['consortium-admin']);

const DIRECTORY = `{ members(first: 10) { edges { node { slug modules { key enabled core dependsOn } } } } }`;
const ONE = `query ($slug: String!) { member(slug: $slug) { slug name modules { key enabled } } }`;

function onKeys(modules: { key: string; enabled: boolean }[]): string[] {
  return modules.filter((m) => m.enabled).map((m) => m.key);
}

describe('a member’s modules', () => {
  it('lists each member’s own modules in the directory, core ones always on', async () => {
    const res = await api.gql(DIRECTORY, {}, { token: consortiumAdmin });
    expect(res.errors).toBeUndefined();
    const bySlug = Object.fromEntries(
      (res.data!.members.edges as { node: { slug: string; modules: { key: string; enabled: boolean; core: boolean; dependsOn: string[] }[] } }[]).map(
        ({ node }) => [node.slug, node.modules],
      ),
    );
    expect(onKeys(bySlug['alpha']).sort()).toEqual(['members', 'sample-assets']);
    expect(onKeys(bySlug['beta'])).toEqual(['members']);
    expect(bySlug['beta']).toContainEqual({ key: 'sample-repairs', enabled: false, core: false, dependsOn: ['sample-assets'] });
    expect(bySlug['beta']).toContainEqual({ key: 'members', enabled: true, core: true, dependsOn: [] });
  });

  it('finds one member by slug, and answers null for a slug nobody has', async () => {
    const res = await api.gql(ONE, { slug: 'alpha' }, { token: consortiumAdmin });
    expect(res.data!.member).toMatchObject({ slug: 'alpha', name: expect.any(String) });
    expect(onKeys(res.data!.member.modules)).toContain('sample-assets');
    const none = await api.gql(ONE, { slug: 'nobody' }, { token: consortiumAdmin });
    expect(none.errors).toBeUndefined();
    expect(none.data!.member).toBeNull();
  });

  it('shows a member’s staff the directory but not another member’s modules', async () => {
    const staff = tokens.user('alpha', ['tenant-admin']);
    const named = await api.gql(`{ member(slug: "beta") { slug } }`, {}, { token: staff });
    expect(named.data!.member).toEqual({ slug: 'beta' });
    const res = await api.gql(`{ member(slug: "beta") { slug modules { key } } }`, {}, { token: staff });
    expect(res.errors?.[0].extensions?.['code']).toBe('FORBIDDEN');
  });
});
