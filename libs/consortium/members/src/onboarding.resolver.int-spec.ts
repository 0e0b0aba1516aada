import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase } from '@hearth/platform-testing';
import { SAMPLE_MODULES } from './testing/sample-modules';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'millbrook');
  // The API's GraphQL stack with only this library's modules: the real ones live in scopes it may not import.
  api = await serveModulesForTest(db.config, SAMPLE_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const consortiumAdmin = tokens.user(null, ['consortium-admin'], { sub: 'c0ffee00-0000-4000-8000-000000000001', name: 'Casey Consortium' });

const RESULT = `
  __typename
  ... on ManifestApplied { applied changes identity member { slug name nameCy country languages } }
  ... on ManifestInvalid { code message problems { field message } }`;

const APPLY = `mutation ($input: MemberManifestInput!, $dryRun: Boolean!) {
  applyMemberManifest(input: $input, dryRun: $dryRun) { ${RESULT} }
}`;

const SET_MODULE = `mutation ($member: String!, $module: String!, $enabled: Boolean!, $settings: JSONObject) {
  setMemberModule(member: $member, module: $module, enabled: $enabled, settings: $settings) { ${RESULT} }
}`;

const OMEGA = {
  slug: 'omega-homes',
  name: 'Omega Homes',
  nameCy: 'Cartrefi Omega',
  registrationNumber: 'L777',
  country: 'WALES',
  languages: ['cy', 'en'],
  keycloak: { organization: 'omega-homes', domains: ['omega-homes.example'] },
  modules: [{ key: 'sample-assets', settings: { uprnRequired: false } }],
  admins: [{ email: 'olwen@omega-homes.example', firstName: 'Olwen', lastName: 'Owen' }],
};

async function count(sql: string): Promise<number> {
  return (await db.admin.query(`select count(*)::int as n from ${sql}`)).rows[0].n;
}

describe('applyMemberManifest', () => {
  it('reports a dry run and changes nothing', async () => {
    const res = await api.gql(APPLY, { input: OMEGA, dryRun: true }, { token: consortiumAdmin });
    expect(res.errors).toBeUndefined();
    expect(res.data!.applyMemberManifest).toEqual({
      __typename: 'ManifestApplied',
      applied: false,
      changes: [
        '+ member omega-homes (Omega Homes, wales)',
        '~ omega-homes: module sample-assets on (uprnRequired: false)',
        '+ omega-homes: invite admin olwen@omega-homes.example (Olwen Owen)',
      ],
      identity: [],
      member: { slug: 'omega-homes', name: 'Omega Homes', nameCy: 'Cartrefi Omega', country: 'WALES', languages: ['cy', 'en'] },
    });
    expect(await count(`hearth.tenant where slug = 'omega-homes'`)).toBe(0);
  });

  it('lets a consortium admin onboard a member, audited as that admin', async () => {
    const res = await api.gql(APPLY, { input: OMEGA, dryRun: false }, { token: consortiumAdmin });
    expect(res.data!.applyMemberManifest).toMatchObject({
      __typename: 'ManifestApplied',
      applied: true,
      changes: expect.arrayContaining(['+ member omega-homes (Omega Homes, wales)']),
      identity: [expect.stringMatching(/^skipped organization omega-homes: /), expect.stringMatching(/^skipped inviting olwen@omega-homes.example/)],
    });
    const { rows } = await db.admin.query(
      `select distinct a.actor_kind, a.actor_id, a.actor_name from hearth.audit_log a join hearth.tenant t on t.id = a.tenant_id where t.slug = 'omega-homes'`,
    );
    expect(rows).toEqual([{ actor_kind: 'user', actor_id: 'c0ffee00-0000-4000-8000-000000000001', actor_name: 'Casey Consortium' }]);
  });

  it('changes nothing when the manifest is applied again', async () => {
    const res = await api.gql(APPLY, { input: OMEGA, dryRun: false }, { token: consortiumAdmin });
    expect(res.data!.applyMemberManifest).toMatchObject({ __typename: 'ManifestApplied', applied: true, changes: [] });
  });

  it('answers ManifestInvalid with every problem, and changes nothing', async () => {
    const audited = await count('hearth.audit_log');
    const input = { ...OMEGA, slug: 'Omega Homes', modules: [{ key: 'sample-repairs' }, { key: 'rent' }] };
    const res = await api.gql(APPLY, { input, dryRun: false }, { token: consortiumAdmin });
    expect(res.errors).toBeUndefined();
    expect(res.data!.applyMemberManifest).toEqual({
      __typename: 'ManifestInvalid',
      code: 'MANIFEST_INVALID',
      message: 'The manifest has 3 problems; nothing was changed.',
      problems: [
        { field: '/slug', message: 'must be lower-case letters and digits in words joined by hyphens, e.g. aber-housing (got "Omega Homes")' },
        { field: '/modules/sample-repairs', message: 'module "sample-repairs" needs "sample-assets" switched on too; list it under modules' },
        { field: '/modules/rent', message: 'module "rent" is not installed (installed: sample-assets, sample-repairs)' },
      ],
    });
    expect(await count('hearth.audit_log')).toBe(audited);
  });

  it('refuses an organization another member holds', async () => {
    const input = { ...OMEGA, slug: 'omega-two', keycloak: { organization: 'millbrook' } };
    const res = await api.gql(APPLY, { input, dryRun: false }, { token: consortiumAdmin });
    expect(res.data!.applyMemberManifest.problems).toEqual([{ field: '/keycloak/organization', message: '"millbrook" already belongs to member "millbrook"' }]);
  });

  it.each([
    ['a tenant admin', ['tenant-admin']],
    ['a housing officer', ['housing-officer']],
  ])('is FORBIDDEN to %s, even for their own member', async (_who, roles) => {
    const res = await api.gql(APPLY, { input: { ...OMEGA, slug: 'millbrook' }, dryRun: false }, { token: tokens.user('millbrook', roles) });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(res.data).toBeNull();
  });
});

describe('setMemberModule', () => {
  it('switches a module on, checking its dependencies and settings like a manifest', async () => {
    const missing = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-repairs', enabled: true }, { token: consortiumAdmin });
    expect(missing.data!.setMemberModule.problems).toEqual([
      { field: '/modules/sample-repairs', message: 'module "sample-repairs" needs "sample-assets" switched on too; list it under modules' },
    ]);
    const badSettings = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-assets', enabled: true, settings: { uprnRequired: 'yes' } }, { token: consortiumAdmin });
    expect(badSettings.data!.setMemberModule.problems).toEqual([{ field: '/modules/sample-assets/settings/uprnRequired', message: 'must be boolean' }]);
    expect(await count(`hearth.tenant_module`)).toBe(1); // omega-homes' only

    const on = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-assets', enabled: true, settings: { uprnRequired: false } }, { token: consortiumAdmin });
    expect(on.data!.setMemberModule).toMatchObject({ __typename: 'ManifestApplied', changes: ['~ millbrook: module sample-assets on (uprnRequired: false)'] });
  });

  it('refuses to switch off a module another one needs', async () => {
    await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-repairs', enabled: true }, { token: consortiumAdmin });
    const res = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-assets', enabled: false }, { token: consortiumAdmin });
    expect(res.data!.setMemberModule.problems).toEqual([
      { field: '/modules/sample-repairs', message: 'module "sample-repairs" needs "sample-assets" switched on too; list it under modules' },
    ]);
  });

  it('switches a module off keeping its settings, and back on with them', async () => {
    const off = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-repairs', enabled: false }, { token: consortiumAdmin });
    expect(off.data!.setMemberModule.changes).toEqual(['~ millbrook: module sample-repairs off (settings kept)']);
    const on = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-repairs', enabled: true }, { token: consortiumAdmin });
    expect(on.data!.setMemberModule.changes).toEqual(['~ millbrook: module sample-repairs on (emergencyHours: 24)']);
  });

  it('refuses a core module, an unknown module and an unknown member', async () => {
    const core = await api.gql(SET_MODULE, { member: 'millbrook', module: 'members', enabled: false }, { token: consortiumAdmin });
    expect(core.data!.setMemberModule.problems).toEqual([{ field: '/modules/members', message: 'module "members" is a core module: it is on for every member' }]);
    const unknown = await api.gql(SET_MODULE, { member: 'millbrook', module: 'rent', enabled: true }, { token: consortiumAdmin });
    expect(unknown.data!.setMemberModule.problems).toEqual([{ field: '/modules/rent', message: 'module "rent" is not installed' }]);
    const nobody = await api.gql(SET_MODULE, { member: 'nobody', module: 'sample-assets', enabled: true }, { token: consortiumAdmin });
    expect(nobody.errors![0]).toMatchObject({ message: 'There is no member "nobody"', extensions: { code: 'UNKNOWN_MEMBER' } });
  });

  it("is FORBIDDEN to a member's tenant admin", async () => {
    const res = await api.gql(SET_MODULE, { member: 'millbrook', module: 'sample-assets', enabled: false }, { token: tokens.user('millbrook', ['tenant-admin']) });
    expect(res.errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
