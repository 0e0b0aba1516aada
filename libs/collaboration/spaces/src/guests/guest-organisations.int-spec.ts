import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase } from '@hearth/platform-testing';
import { dataOf, SPACES_MODULES } from '../testing/spaces-fixtures';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;

const consortium = () => tokens.user(null, ['consortium-admin'], { sub: 'alex', name: 'Alex Morgan' });
const INVITE = `mutation ($input: GuestOrganisationInviteInput!) { inviteGuestOrganisation(input: $input) {
  __typename ... on GuestOrganisationInvitation { identityOutcome identityDetail guestOrganisation { id slug name kind active } }
  ... on ErrorResult { code message } ... on GuestOrganisationTaken { problems { field message } } } }`;
const STATUS = `mutation ($id: ID!, $active: Boolean!) { setGuestOrganisationStatus(id: $id, active: $active) { __typename ... on GuestOrganisation { slug active } ... on ErrorResult { code } } }`;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  await insertMember(db.admin, 'millbrook-homes');
  api = await serveModulesForTest(db.config, SPACES_MODULES);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

describe('guest organisations', () => {
  let councilId: string;

  it('are invited by a consortium admin; with no Keycloak admin credentials the Keycloak step is reported skipped', async () => {
    const invited = dataOf(
      await api.gql(INVITE, { input: { slug: 'cardiff-council', name: 'Cardiff Council', kind: 'COUNCIL', domains: ['cardiff.gov.uk'] } }, { token: consortium() }),
    ).inviteGuestOrganisation;
    expect(invited).toMatchObject({
      __typename: 'GuestOrganisationInvitation',
      identityOutcome: 'skipped',
      guestOrganisation: { slug: 'cardiff-council', name: 'Cardiff Council', kind: 'COUNCIL', active: true },
    });
    expect(invited.identityDetail).toContain('Keycloak admin credentials are not configured');
    councilId = invited.guestOrganisation.id;
    const { rows } = await db.admin.query(`select operation, actor_id from hearth.organisation_audit_log where target_id = $1`, [councilId]);
    expect(rows).toEqual([{ operation: 'inviteGuestOrganisation', actor_id: 'alex' }]);
  });

  it('can then sign in as themselves, with no member', async () => {
    const me = dataOf(await api.gql(`{ me { member { slug } guestOrganisation { slug name } } }`, {}, { token: tokens.user('cardiff-council', ['guest']) })).me;
    expect(me).toEqual({ member: null, guestOrganisation: { slug: 'cardiff-council', name: 'Cardiff Council' } });
  });

  it("refuse a slug or Keycloak organisation a member or guest already has, and bad input, saving nothing", async () => {
    const member = dataOf(await api.gql(INVITE, { input: { slug: 'millbrook-homes', name: 'X', kind: 'CHARITY' } }, { token: consortium() })).inviteGuestOrganisation;
    expect(member).toMatchObject({ __typename: 'GuestOrganisationTaken' });
    expect(member.problems).toEqual([
      { field: 'slug', message: 'The member millbrook-homes already has the slug millbrook-homes' },
      { field: 'keycloakOrganization', message: 'The member millbrook-homes already signs in as Keycloak organisation millbrook-homes' },
    ]);
    const guest = dataOf(await api.gql(INVITE, { input: { slug: 'vale-board', name: 'X', kind: 'HEALTH_BOARD', keycloakOrganization: 'cardiff-council' } }, { token: consortium() })).inviteGuestOrganisation;
    expect(guest.problems).toEqual([{ field: 'keycloakOrganization', message: 'The guest organisation cardiff-council already signs in as Keycloak organisation cardiff-council' }]);
    const bad = await api.gql(INVITE, { input: { slug: 'Not A Slug', name: 'X', kind: 'COUNCIL' } }, { token: consortium() });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { rows } = await db.admin.query(`select count(*)::int as n from hearth.guest_organisation`);
    expect(rows[0].n).toBe(1);
  });

  it('are suspended (their people are then refused) and reactivated', async () => {
    expect(dataOf(await api.gql(STATUS, { id: councilId, active: false }, { token: consortium() })).setGuestOrganisationStatus).toEqual({
      __typename: 'GuestOrganisation', slug: 'cardiff-council', active: false,
    });
    const refused = await api.gql(`{ venues { totalCount } }`, {}, { token: tokens.user('cardiff-council', ['guest']) });
    expect(refused.errors?.[0]?.message).toMatch(/suspended/);
    expect(dataOf(await api.gql(STATUS, { id: councilId, active: true }, { token: consortium() })).setGuestOrganisationStatus.active).toBe(true);
    const missing = dataOf(await api.gql(STATUS, { id: '00000000-0000-4000-8000-000000000000', active: true }, { token: consortium() })).setGuestOrganisationStatus;
    expect(missing.code).toBe('GUEST_ORGANISATION_NOT_FOUND');
  });

  it('are listed and kept by consortium admins only', async () => {
    const list = dataOf(await api.gql(`{ guestOrganisations { totalCount edges { node { slug kind active } } } }`, {}, { token: consortium() })).guestOrganisations;
    expect(list).toEqual({ totalCount: 1, edges: [{ node: { slug: 'cardiff-council', kind: 'COUNCIL', active: true } }] });
    for (const token of [tokens.user('millbrook-homes', ['tenant-admin']), tokens.user('cardiff-council', ['guest'])]) {
      expect((await api.gql(`{ guestOrganisations { totalCount } }`, {}, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await api.gql(STATUS, { id: councilId, active: false }, { token })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
