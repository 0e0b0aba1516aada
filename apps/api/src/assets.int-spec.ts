import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { createTestDatabase, insertMember, TestTokens, type TestApi, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { startTestApi } from './testing';

const tokens = new TestTokens();
let db: TestDatabase;
let api: TestApi;
let aber: TestMember;

beforeAll(async () => {
  db = await createTestDatabase(tokens.env);
  aber = await insertMember(db.admin, 'aber', { assets: {} });
  await insertMember(db.admin, 'millbrook', { assets: {} });
  await insertMember(db.admin, 'thistle', { noticeboard: {} });
  api = await startTestApi(db.config);
});

afterAll(async () => {
  await api?.close();
  await db?.drop();
});

const officer = (member = 'aber') => tokens.user(member, ['housing-officer'], { name: 'Ffion Evans' });
const codeOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.code;
const count = async (table: string) => (await db.admin.query(`select count(*)::int as n from hearth.${table}`)).rows[0].n as number;

const FRAGMENTS = {
  Asset: 'id kind parentId name addressLine1 postcode uprn bedrooms heating accessibility patch references { system reference }',
  AssetInvalid: 'code message problems { field message }',
  AssetNotFound: 'code message id',
  DuplicateUprn: 'code message duplicate: uprn assetId',
  DuplicateReference: 'code message assetId',
  AssetReferenceNotFound: 'code message',
};
/** A mutation's result selection: the asset, or the failures its union can have. */
const result = (...failures: (keyof typeof FRAGMENTS)[]) =>
  ['__typename', ...(['Asset', ...failures] as const).map((type) => `... on ${type} { ${FRAGMENTS[type]} }`)].join(' ');

const CREATE = `mutation ($input: CreateAssetInput!) { createAsset(input: $input) { ${result('AssetInvalid', 'AssetNotFound', 'DuplicateUprn')} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateAssetInput!) { updateAsset(id: $id, input: $input) { ${result('AssetInvalid', 'AssetNotFound', 'DuplicateUprn')} } }`;
const ADD_REFERENCE = `mutation ($input: AddAssetReferenceInput!) { addAssetReference(input: $input) { ${result('AssetInvalid', 'AssetNotFound', 'DuplicateReference')} } }`;
const REMOVE_REFERENCE = `mutation ($input: RemoveAssetReferenceInput!) { removeAssetReference(input: $input) { ${result('AssetNotFound', 'AssetReferenceNotFound')} } }`;

async function createAsset(input: Record<string, unknown>, token = officer()): Promise<Record<string, any>> {
  const res = await api.gql(CREATE, { input }, { token });
  expect(res.errors).toBeUndefined();
  expect(res.data!.createAsset.__typename).toBe('Asset');
  return res.data!.createAsset;
}

const home = (fields: Record<string, unknown> = {}) => ({ kind: 'DWELLING', addressLine1: '4 Stryd y Castell', postcode: 'SY23 2AB', ...fields });

describe('createAsset', () => {
  it('records a dwelling under a block, normalised, with its audit entry and event', async () => {
    const estate = await createAsset({ kind: 'ESTATE', name: 'Penparcau', patch: 'South' });
    const block = await createAsset({ kind: 'BLOCK', name: 'Tŷ Gwyn', parentId: estate.id });
    const res = await api.gql(CREATE, { input: home({ parentId: block.id, postcode: ' sy23 1ab ', uprn: '10023', bedrooms: 2, heating: 'HEAT_PUMP', accessibility: ['LEVEL_ACCESS'] }) }, { token: officer() });
    expect(res.data!.createAsset).toMatchObject({
      __typename: 'Asset',
      kind: 'DWELLING',
      parentId: block.id,
      postcode: 'SY23 1AB',
      uprn: '10023',
      heating: 'HEAT_PUMP',
      accessibility: ['LEVEL_ACCESS'],
      references: [],
    });
    const id = res.data!.createAsset.id;
    const audit = await db.admin.query(`select operation, actor_name from hearth.audit_log where target_id = $1`, [id]);
    expect(audit.rows).toEqual([{ operation: 'createAsset', actor_name: 'Ffion Evans' }]);
    const events = await db.admin.query(`select type from hearth.outbox_event where aggregate_id = $1`, [id]);
    expect(events.rows).toEqual([{ type: 'assets.asset.created' }]);
  });

  it('answers AssetInvalid with every problem, and writes nothing', async () => {
    const before = [await count('asset'), await count('audit_log'), await count('outbox_event')];
    const res = await api.gql(CREATE, { input: { kind: 'GARAGE', postcode: 'CF10', uprn: '12ab', bedrooms: 1 } }, { token: officer() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createAsset).toMatchObject({ __typename: 'AssetInvalid', code: 'ASSET_INVALID' });
    expect(res.data!.createAsset.problems).toEqual([
      { field: 'postcode', message: '"CF10" is not a full UK postcode (like CF10 1AA)' },
      { field: 'uprn', message: 'uprn must be 1 to 12 digits, and not 0' },
      { field: 'bedrooms', message: 'A garage cannot have bedrooms' },
      { field: 'name', message: 'A garage needs a name or the first line of an address' },
    ]);
    expect([await count('asset'), await count('audit_log'), await count('outbox_event')]).toEqual(before);
  });

  it('refuses an estate under a block, and a parent of another member as not found', async () => {
    const block = await createAsset({ kind: 'BLOCK', name: 'Tŷ Coch' });
    const estate = await api.gql(CREATE, { input: { kind: 'ESTATE', name: 'Upside down', parentId: block.id } }, { token: officer() });
    expect(estate.data!.createAsset.problems).toEqual([{ field: 'parentId', message: 'An estate cannot be part of another asset' }]);

    const theirs = await createAsset({ kind: 'ESTATE', name: 'Millbrook Park' }, officer('millbrook'));
    const res = await api.gql(CREATE, { input: home({ parentId: theirs.id }) }, { token: officer() });
    expect(res.data!.createAsset).toMatchObject({ __typename: 'AssetNotFound', code: 'ASSET_NOT_FOUND', id: theirs.id });
  });

  it('answers DuplicateUprn', async () => {
    const first = await createAsset(home({ uprn: '200300400500' }));
    const res = await api.gql(CREATE, { input: home({ uprn: '200300400500' }) }, { token: officer() });
    expect(res.data!.createAsset).toMatchObject({ __typename: 'DuplicateUprn', duplicate: '200300400500', assetId: first.id });
  });

  it('refuses a value that is not in an enum before anything runs', async () => {
    const before = await count('asset');
    const res = await api.gql(`mutation { createAsset(input: { kind: DWELLING, addressLine1: "1 Stryd", postcode: "SY23 1AB", heating: PEAT }) { __typename } }`, {}, { token: officer() });
    expect(codeOf(res)).toBe('BAD_QUERY');
    expect(res.errors![0].message).toMatch(/"PEAT".*HeatingType/);
    expect(await count('asset')).toBe(before);
  });
});

describe('updateAsset', () => {
  it('changes what is given and answers typed failures', async () => {
    const asset = await createAsset(home({ bedrooms: 1 }));
    const changed = await api.gql(UPDATE, { id: asset.id, input: { bedrooms: 3, patch: 'North' } }, { token: officer() });
    expect(changed.data!.updateAsset).toMatchObject({ __typename: 'Asset', bedrooms: 3, patch: 'North', postcode: 'SY23 2AB' });

    const invalid = await api.gql(UPDATE, { id: asset.id, input: { postcode: 'ZZ99 9ZZZ' } }, { token: officer() });
    expect(invalid.data!.updateAsset.problems).toEqual([{ field: 'postcode', message: '"ZZ99 9ZZZ" is not a full UK postcode (like CF10 1AA)' }]);

    const theirs = await createAsset(home(), officer('millbrook'));
    const missing = await api.gql(UPDATE, { id: theirs.id, input: { bedrooms: 3 } }, { token: officer() });
    expect(missing.data!.updateAsset).toMatchObject({ __typename: 'AssetNotFound', id: theirs.id });
  });
});

describe('legacy references', () => {
  it('adds, finds by, refuses twice and removes a reference', async () => {
    const asset = await createAsset(home());
    const input = { assetId: asset.id, system: 'orchard', reference: 'PROP-0042', description: 'Orchard property id' };
    const added = await api.gql(ADD_REFERENCE, { input }, { token: officer() });
    expect(added.data!.addAssetReference).toMatchObject({ __typename: 'Asset', references: [{ system: 'orchard', reference: 'PROP-0042' }] });

    const found = await api.gql(`{ assetByReference(system: "orchard", reference: "PROP-0042") { id } }`, {}, { token: officer() });
    expect(found.data!.assetByReference).toEqual({ id: asset.id });
    const elsewhere = await api.gql(`{ assetByReference(system: "orchard", reference: "PROP-0042") { id } }`, {}, { token: officer('millbrook') });
    expect(elsewhere.data!.assetByReference).toBeNull();

    const other = await createAsset(home());
    const twice = await api.gql(ADD_REFERENCE, { input: { ...input, assetId: other.id } }, { token: officer() });
    expect(twice.data!.addAssetReference).toMatchObject({ __typename: 'DuplicateReference', code: 'DUPLICATE_REFERENCE', assetId: asset.id });

    const removal = { assetId: asset.id, system: 'orchard', reference: 'PROP-0042' };
    const removed = await api.gql(REMOVE_REFERENCE, { input: removal }, { token: officer() });
    expect(removed.data!.removeAssetReference).toMatchObject({ __typename: 'Asset', references: [] });
    const again = await api.gql(REMOVE_REFERENCE, { input: removal }, { token: officer() });
    expect(again.data!.removeAssetReference).toMatchObject({ __typename: 'AssetReferenceNotFound', code: 'ASSET_REFERENCE_NOT_FOUND' });
  });
});

describe('queries', () => {
  const ASSETS = `query ($filter: AssetFilter, $first: Int, $after: String) {
    assets(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id postcode } } }
  }`;

  beforeAll(async () => {
    for (let n = 1; n <= 4; n += 1) await createAsset(home({ addressLine1: `${n} Ffordd Llanbadarn`, postcode: `SY23 3B${'DEFG'[n - 1]}`, patch: 'East' }));
  });

  it('filters by patch and outward code, and pages without overlap', async () => {
    const first = await api.gql(ASSETS, { filter: { patch: 'East', postcode: 'sy23' }, first: 3 }, { token: officer() });
    expect(first.data!.assets).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const next = await api.gql(ASSETS, { filter: { patch: 'East', postcode: 'SY23' }, first: 3, after: first.data!.assets.pageInfo.endCursor }, { token: officer() });
    expect(next.data!.assets).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: false } });
    const ids = [...first.data!.assets.edges, ...next.data!.assets.edges].map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('refuses a cursor from another query, a bad filter and a page over the cap, cleanly', async () => {
    const page = await api.gql(ASSETS, { filter: { patch: 'East' }, first: 1 }, { token: officer() });
    const other = await api.gql(ASSETS, { filter: { patch: 'West' }, after: page.data!.assets.pageInfo.endCursor }, { token: officer() });
    expect(codeOf(other)).toBe('BAD_USER_INPUT');
    expect(other.errors![0].message).toBe('The "after" cursor is from another query or filter; ask again without it');

    const bad = await api.gql(ASSETS, { filter: { postcode: 'not a postcode' } }, { token: officer() });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]).toMatchObject({ message: expect.stringMatching(/is neither a full postcode/), extensions: { field: 'postcode' } });

    const huge = await api.gql(ASSETS, { first: 500 }, { token: officer() });
    expect(codeOf(huge)).toBe('PAGE_SIZE_TOO_LARGE');
  });

  it('reads one asset, and nothing of another member', async () => {
    const mine = await createAsset(home());
    const theirs = await createAsset(home(), officer('millbrook'));
    const query = `query ($id: ID!) { asset(id: $id) { id } }`;
    expect((await api.gql(query, { id: mine.id }, { token: officer() })).data!.asset).toEqual({ id: mine.id });
    expect((await api.gql(query, { id: theirs.id }, { token: officer() })).data!.asset).toBeNull();
    expect((await api.gql(query, { id: 'no-such-id' }, { token: officer() })).data!.asset).toBeNull();
  });

  it('searches by address fragment and postcode, and refuses too short a search', async () => {
    const search = `query ($text: String!) { searchAssets(text: $text, first: 5) { addressLine1 } }`;
    const byWords = await api.gql(search, { text: 'ffordd llanbadarn' }, { token: officer() });
    expect(byWords.data!.searchAssets).toHaveLength(4);
    const byPostcode = await api.gql(search, { text: 'sy233bf' }, { token: officer() });
    expect(byPostcode.data!.searchAssets).toEqual([{ addressLine1: '3 Ffordd Llanbadarn' }]);
    const short = await api.gql(search, { text: 'ff' }, { token: officer() });
    expect(codeOf(short)).toBe('BAD_USER_INPUT');
  });
});

describe('who may do what', () => {
  const LIST = `{ assets { totalCount } }`;

  it('lets an income officer read but not write, and writes nothing', async () => {
    const token = tokens.user('aber', ['income-officer']);
    expect((await api.gql(LIST, {}, { token })).errors).toBeUndefined();
    const before = await count('asset');
    const res = await api.gql(CREATE, { input: home() }, { token });
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await count('asset')).toBe(before);
  });

  it('lets a partner read with register:read, write with register:write, and nothing without a scope', async () => {
    const reader = tokens.partner('warehouse', 'aber', ['register:read']);
    expect((await api.gql(LIST, {}, { token: reader })).errors).toBeUndefined();
    expect(codeOf(await api.gql(CREATE, { input: home() }, { token: reader }))).toBe('FORBIDDEN');

    const writer = tokens.partner('migration-tool', 'aber', ['register:write']);
    expect((await api.gql(CREATE, { input: home() }, { token: writer })).data!.createAsset.__typename).toBe('Asset');

    const stranger = tokens.partner('contractor-x', 'aber', ['noticeboard:read']);
    expect(codeOf(await api.gql(LIST, {}, { token: stranger }))).toBe('FORBIDDEN');
  });

  it("answers MODULE_DISABLED to a member that hasn't switched assets on", async () => {
    const token = officer('thistle');
    expect(codeOf(await api.gql(LIST, {}, { token }))).toBe('MODULE_DISABLED');
    expect(codeOf(await api.gql(CREATE, { input: home() }, { token }))).toBe('MODULE_DISABLED');
  });
});

describe('relations', () => {
  beforeAll(async () => {
    // Arranged in SQL, behind the code under test: an estate, 3 blocks and 60 dwellings in them, each with a reference.
    await db.admin.query(
      `with estate as (
         insert into hearth.asset (tenant_id, kind, name, patch) values ($1, 'estate', 'Bulk Estate', 'Bulk') returning id
       ), blocks as (
         insert into hearth.asset (tenant_id, kind, name, parent_id, patch)
         select $1, 'block', 'Bulk Block ' || n, estate.id, 'Bulk' from estate, generate_series(1, 3) n returning id
       ), homes as (
         insert into hearth.asset (tenant_id, kind, address_line_1, postcode, parent_id, patch)
         select $1, 'dwelling', 'Flat ' || n, 'SY23 4AA', (select id from blocks order by id offset n % 3 limit 1), 'Bulk'
         from generate_series(1, 60) n returning id
       )
       insert into hearth.asset_reference (tenant_id, system, reference, asset_id)
       select $1, 'bulk', 'B-' || row_number() over (), id from homes`,
      [aber.id],
    );
  });

  /** How many SQL statements the API sends for one request. */
  async function statementsFor(query: string): Promise<{ statements: number; data: any }> {
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    try {
      const res = await api.gql(query, {}, { token: officer() });
      expect(res.errors).toBeUndefined();
      return { statements: spy.mock.calls.length, data: res.data };
    } finally {
      spy.mockRestore();
    }
  }

  const page = (first: number) => `{
    assets(filter: { patch: "Bulk", kind: DWELLING }, first: ${first}) {
      edges { node { id parent { id name parent { name } } references { reference } children(first: 5) { totalCount } } }
    }
  }`;

  it('loads parents, references and children in batches: the statements do not grow with the page', async () => {
    const small = await statementsFor(page(5));
    const large = await statementsFor(page(50));
    expect(large.data.assets.edges).toHaveLength(50);
    expect(large.data.assets.edges[0].node).toMatchObject({ parent: { name: expect.stringMatching(/^Bulk Block/), parent: { name: 'Bulk Estate' } } });
    expect(large.data.assets.edges[0].node.references).toEqual([{ reference: expect.stringMatching(/^B-/) }]);
    expect(large.statements).toBe(small.statements);
  });

  it('pages children of an estate', async () => {
    const { data } = await statementsFor(`{ assets(filter: { kind: ESTATE, patch: "Bulk" }) { edges { node { children(first: 2) { totalCount edges { node { name } } } } } } }`);
    expect(data.assets.edges[0].node.children).toMatchObject({ totalCount: 3, edges: [{ node: { name: expect.any(String) } }, { node: { name: expect.any(String) } }] });

    const tooMany = await api.gql(`{ assets(first: 1) { edges { node { children(first: 500) { totalCount } } } } }`, {}, { token: officer() });
    expect(codeOf(tooMany)).toBe('PAGE_SIZE_TOO_LARGE');
    expect(tooMany.errors![0].message).toMatch(/Asset.children asks for 500 rows; the limit is 100 per page/);
  });
});
