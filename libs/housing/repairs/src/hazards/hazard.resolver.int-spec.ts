import { CalendarModule } from '@hearth/platform-calendar';
import { AssetsModule } from '@hearth/housing-assets';
import { createTestDatabase, insertMember, serveModulesForTest, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { RepairsModule } from '../repairs.module';
import { arrangeAsset, arrangeRepair, hazardCounts } from './testing/hazard-context';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let member: TestMember;
let assetId: string;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  member = await insertMember(db.admin, 'hazards', { assets: {}, repairs: {} });
  assetId = await arrangeAsset(db.admin, member.id);
  api = await serveModulesForTest(db.config, [CalendarModule, AssetsModule, RepairsModule]);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = tokens.user('hazards', ['housing-officer']);
const planner = tokens.user('hazards', ['repairs-planner'], { name: 'Dai Price' });
const CASE = `id number status severity clocks { clock duty dueAt status } repairs { id } asset { id }`;
const REPORT = `mutation ($input: ReportHazardInput!) { reportHazard(input: $input) {
  __typename ... on HazardCase { ${CASE} } ... on HazardInvalid { code message problems { field message } } } }`;
const INVESTIGATE = `mutation ($input: RecordHazardInvestigationInput!) { recordHazardInvestigation(input: $input) {
  __typename ... on HazardCase { ${CASE} } ... on ErrorResult { code message } } }`;
const ONE = `query ($id: ID!) { hazardCase(id: $id) { ${CASE} } }`;
const LIST = `query ($filter: HazardCasesFilter, $first: Int, $after: String) { hazardCases(filter: $filter, first: $first, after: $after) {
  totalCount edges { node { number } } pageInfo { hasNextPage endCursor } } }`;

describe('hazard cases over GraphQL', () => {
  it('lets any staff member report a hazard, and answers the case with its clocks, repairs and asset', async () => {
    const repairId = await arrangeRepair(db.admin, member.id, assetId);
    const res = await api.gql(REPORT, {
      input: { assetId, hazardType: 'DAMP_AND_MOULD', severity: 'SIGNIFICANT', description: 'Mould', awareAt: '2026-04-02T09:00:00Z', repairIds: [repairId] },
    }, { token: officer });
    expect(res.errors).toBeUndefined();
    const hazard = res.data!.reportHazard;
    expect(hazard).toEqual(expect.objectContaining({ __typename: 'HazardCase', status: 'OPEN', repairs: [{ id: repairId }], asset: { id: assetId } }));
    expect(hazard.clocks[0]).toEqual({ clock: 'INVESTIGATE', duty: 'Investigate within 10 working days of becoming aware', dueAt: '2026-04-20T23:00:00.000Z', status: 'MISSED' });
    const read = await api.gql(ONE, { id: hazard.id }, { token: officer });
    const { __typename: _, ...fields } = hazard;
    expect(read.data!.hazardCase).toEqual(fields);
  });

  it('lets only repairs planners and admins run a case: an officer may not record the investigation, and nothing changes', async () => {
    const { data } = await api.gql(REPORT, { input: { assetId, hazardType: 'FIRE', severity: 'EMERGENCY', description: 'Sparking socket' } }, { token: officer });
    const input = { caseId: data!.reportHazard.id, investigatedAt: new Date().toISOString(), findings: 'x', safetyWorkNeeded: true, preventativeWorkNeeded: true };
    const before = await hazardCounts(db.admin);
    const refused = await api.gql(INVESTIGATE, { input }, { token: officer });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await hazardCounts(db.admin)).toEqual(before);
    const allowed = await api.gql(INVESTIGATE, { input }, { token: planner });
    expect(allowed.data!.recordHazardInvestigation.__typename).toBe('HazardCase');
  });

  it('answers bad input with a typed failure or a message naming the field', async () => {
    const invalid = await api.gql(REPORT, { input: { assetId: '00000000-0000-4000-8000-000000000000', hazardType: 'FIRE', severity: 'EMERGENCY', description: 'x' } }, { token: officer });
    expect(invalid.data!.reportHazard).toEqual(expect.objectContaining({ __typename: 'HazardInvalid', problems: [{ field: 'assetId', message: 'There is no asset 00000000-0000-4000-8000-000000000000' }] }));
    const badId = await api.gql(ONE, { id: 'case-1' }, { token: officer });
    expect(badId.errors?.[0]).toEqual(expect.objectContaining({ message: 'id must be a UUID' }));
  });

  it('lists cases newest first, filtered and paged', async () => {
    const all = await api.gql(LIST, { first: 1 }, { token: officer });
    expect(all.data!.hazardCases.totalCount).toBeGreaterThanOrEqual(2);
    const next = await api.gql(LIST, { first: 1, after: all.data!.hazardCases.pageInfo.endCursor }, { token: officer });
    expect(next.data!.hazardCases.edges[0].node.number).toBeLessThan(all.data!.hazardCases.edges[0].node.number);
    const overdue = await api.gql(LIST, { filter: { overdue: true, hazardType: 'DAMP_AND_MOULD' } }, { token: officer });
    expect(overdue.data!.hazardCases.totalCount).toBe(1);
    const emergencies = await api.gql(LIST, { filter: { severity: 'EMERGENCY', clockDueBefore: new Date(Date.now() + 2 * 86_400_000).toISOString() } }, { token: officer });
    expect(emergencies.data!.hazardCases.totalCount).toBe(1);
  });
});
