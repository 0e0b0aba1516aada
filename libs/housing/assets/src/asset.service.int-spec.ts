import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { TransactionManager, type Actor } from '@hearth/platform-database';
import { HearthPlatformModule } from '@hearth/platform-kernel';
import { createTestDatabase, insertMember, type TestDatabase, type TestMember } from '@hearth/platform-testing';
import { AssetsModule } from './assets.module';
import { Asset, AssetKind, type AssetInvalid } from './asset.model';
import { AssetService } from './asset.service';
import type { CreateAssetInput } from './dto/asset.input';

let db: TestDatabase;
let app: INestApplicationContext;
let service: AssetService;
let transactions: TransactionManager;
let aber: TestMember;
let millbrook: TestMember;

const officer: Actor = { kind: 'user', id: 'officer-1', name: 'Ffion Evans', roles: ['housing-officer'], scopes: [], organizations: ['aber'] };

beforeAll(async () => {
  db = await createTestDatabase();
  aber = await insertMember(db.admin, 'aber', { assets: {} });
  millbrook = await insertMember(db.admin, 'millbrook', { assets: {} });
  app = await NestFactory.createApplicationContext(
    HearthPlatformModule.forRoot({ config: db.config, modules: [AssetsModule], process: 'test' }),
    { logger: false },
  );
  service = app.get(AssetService);
  transactions = app.get(TransactionManager);
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

/** Runs `fn` as one unit of work for a member, as a request would. */
const as = <T>(member: TestMember, fn: () => Promise<T>) => transactions.run({ actor: officer, tenantId: member.id }, fn);

/** Creates an asset and fails the test if it is refused. */
async function create(input: CreateAssetInput, member = aber): Promise<Asset> {
  const result = await as(member, () => service.create(input));
  if (!(result instanceof Asset)) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}

const dwelling = (fields: Partial<CreateAssetInput> = {}): CreateAssetInput => ({
  kind: AssetKind.DWELLING,
  addressLine1: '1 Heol y Deri',
  postcode: 'CF10 1AA',
  ...fields,
});

const rows = async (sql: string, params: unknown[] = []) => (await db.admin.query(sql, params)).rows;
const assetCount = async () => (await rows(`select count(*)::int as n from hearth.asset`))[0].n as number;

describe('creating an asset', () => {
  it('normalises the postcode through PostgreSQL and records the asset, its audit entry and its event', async () => {
    const asset = await create(dwelling({ postcode: ' cf10 1aa ', uprn: '000100023336956', bedrooms: 2, accessibility: ['level_access', 'level_access'] as never }));
    expect(asset).toMatchObject({ kind: 'dwelling', postcode: 'CF10 1AA', uprn: '100023336956', bedrooms: 2, accessibility: ['level_access'] });

    const audit = await rows(`select operation, actor_name, after->>'postcode' as postcode from hearth.audit_log where target_id = $1`, [asset.id]);
    expect(audit).toEqual([{ operation: 'createAsset', actor_name: 'Ffion Evans', postcode: 'CF10 1AA' }]);
    const events = await rows(`select type, payload from hearth.outbox_event where aggregate_id = $1`, [asset.id]);
    expect(events).toEqual([{ type: 'assets.asset.created', payload: { id: asset.id, kind: 'dwelling', parentId: null } }]);
  });

  it.each([
    ['an outward code alone', 'CF10', /"CF10" is not a full UK postcode/],
    ['an inward code too long', 'ZZ99 9ZZZ', /"ZZ99 9ZZZ" is not a full UK postcode/],
    ['nothing', '', /"" is not a full UK postcode/],
  ])('refuses %s as a postcode, and writes nothing', async (_case, postcode, message) => {
    const before = await assetCount();
    const result = (await as(aber, () => service.create(dwelling({ postcode })))) as AssetInvalid;
    expect(result.code).toBe('ASSET_INVALID');
    expect(result.problems).toEqual([{ field: 'postcode', message: expect.stringMatching(message) }]);
    expect(await assetCount()).toBe(before);
  });

  it.each([
    ['letters', 'UPRN-12'],
    ['13 digits', '1234567890123'],
    ['zero', '0'],
  ])('refuses a UPRN of %s', async (_case, uprn) => {
    const result = (await as(aber, () => service.create(dwelling({ uprn })))) as AssetInvalid;
    expect(result.problems).toEqual([{ field: 'uprn', message: 'uprn must be 1 to 12 digits, and not 0' }]);
  });

  it('lists every problem at once', async () => {
    const result = (await as(aber, () =>
      service.create({ kind: AssetKind.BLOCK, name: '  ', bedrooms: 3, builtYear: 2200, postcode: 'nope' }),
    )) as AssetInvalid;
    expect(result.problems.map((p) => p.field).sort()).toEqual(['bedrooms', 'builtYear', 'name', 'postcode']);
    expect(result.problems).toContainEqual({ field: 'bedrooms', message: 'A block cannot have bedrooms' });
    expect(result.message).toMatch(/^The asset has 4 problems: /);
  });

  it('needs what makes each kind findable', async () => {
    const estate = (await as(aber, () => service.create({ kind: AssetKind.ESTATE }))) as AssetInvalid;
    expect(estate.problems).toEqual([{ field: 'name', message: 'An estate needs a name' }]);
    const home = (await as(aber, () => service.create({ kind: AssetKind.DWELLING }))) as AssetInvalid;
    expect(home.problems.map((p) => p.message)).toEqual(['A dwelling needs the first line of its address', 'A dwelling needs a postcode']);
  });

  it('refuses a UPRN another asset of the member has, naming that asset', async () => {
    const first = await create(dwelling({ uprn: '10002' }));
    const result = await as(aber, () => service.create(dwelling({ uprn: '10002' })));
    expect(result).toMatchObject({ code: 'DUPLICATE_UPRN', uprn: '10002', assetId: first.id });
    // UPRNs are unique within a member, not across members.
    await expect(create(dwelling({ uprn: '10002' }), millbrook)).resolves.toBeInstanceOf(Asset);
  });
});

describe('the hierarchy', () => {
  let estate: Asset;
  let block: Asset;

  beforeAll(async () => {
    estate = await create({ kind: AssetKind.ESTATE, name: 'Maes Glas' });
    block = await create({ kind: AssetKind.BLOCK, name: 'Tŷ Derw', parentId: estate.id });
  });

  it('puts a dwelling under an estate or a block', async () => {
    await expect(create(dwelling({ parentId: estate.id }))).resolves.toMatchObject({ parentId: estate.id });
    await expect(create(dwelling({ parentId: block.id }))).resolves.toMatchObject({ parentId: block.id });
  });

  it.each([
    ['an estate under a block', () => ({ kind: AssetKind.ESTATE, name: 'X', parentId: block.id }), 'An estate cannot be part of another asset'],
    ['a block under a block', () => ({ kind: AssetKind.BLOCK, name: 'X', parentId: block.id }), 'A block can only be part of an estate, not a block'],
  ])('refuses %s', async (_case, input, message) => {
    const result = (await as(aber, () => service.create(input()))) as AssetInvalid;
    expect(result.problems).toEqual([{ field: 'parentId', message }]);
  });

  it('refuses a dwelling under a dwelling', async () => {
    const home = await create(dwelling());
    const result = (await as(aber, () => service.create(dwelling({ parentId: home.id })))) as AssetInvalid;
    expect(result.problems).toEqual([{ field: 'parentId', message: 'A dwelling can only be part of an estate or a block, not a dwelling' }]);
  });

  it("cannot see another member's estate to put anything under it", async () => {
    const theirs = await create({ kind: AssetKind.ESTATE, name: 'Elsewhere' }, millbrook);
    const result = await as(aber, () => service.create(dwelling({ parentId: theirs.id })));
    expect(result).toMatchObject({ code: 'ASSET_NOT_FOUND', id: theirs.id, message: `There is no asset ${theirs.id} to be the parent` });
    await expect(as(aber, () => service.create(dwelling({ parentId: 'not-an-id' })))).resolves.toMatchObject({ code: 'ASSET_NOT_FOUND' });
  });

  it('reads children a page at a time, for many parents at once', async () => {
    const other = await create({ kind: AssetKind.BLOCK, name: 'Tŷ Onnen', parentId: estate.id });
    const homes = [];
    for (let n = 1; n <= 3; n += 1) homes.push(await create(dwelling({ parentId: other.id, addressLine1: `Flat ${n}` })));
    const ids = homes.map((h) => h.id).sort();

    const empty = await create({ kind: AssetKind.BLOCK, name: 'Tŷ Newydd', parentId: estate.id });

    const first = await as(aber, () => service.childrenOf([other.id, empty.id], { first: 2 }));
    expect(first.get(other.id)!.edges.map((e) => e.node.id)).toEqual(ids.slice(0, 2));
    expect(first.get(other.id)!).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(first.get(empty.id)!).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });

    const next = await as(aber, () => service.childrenOf([other.id], { first: 2, after: first.get(other.id)!.pageInfo.endCursor! }));
    expect(next.get(other.id)!.edges.map((e) => e.node.id)).toEqual(ids.slice(2));
    expect(next.get(other.id)!.pageInfo.hasNextPage).toBe(false);
  });
});

describe('updating an asset', () => {
  it('changes the fields given, clears those given as null, and audits before and after', async () => {
    const asset = await create(dwelling({ bedrooms: 2, patch: 'North', town: 'Cardiff' }));
    const result = await as(aber, () => service.update(asset.id, { bedrooms: 3, town: null, postcode: 'cf24 4ab' }));
    expect(result).toMatchObject({ bedrooms: 3, town: null, postcode: 'CF24 4AB', patch: 'North' });

    const audit = await rows(
      `select operation, before->>'bedrooms' as before, after->>'bedrooms' as after from hearth.audit_log where target_id = $1 and operation = 'updateAsset'`,
      [asset.id],
    );
    expect(audit).toEqual([{ operation: 'updateAsset', before: '2', after: '3' }]);
    const events = await rows(`select payload from hearth.outbox_event where aggregate_id = $1 and type = 'assets.asset.updated'`, [asset.id]);
    expect(events).toEqual([{ payload: { id: asset.id, changed: ['town', 'postcode', 'bedrooms'] } }]);
  });

  it('writes nothing when nothing changes', async () => {
    const asset = await create(dwelling());
    const result = await as(aber, () => service.update(asset.id, { postcode: 'cf101aa' }));
    expect(result).toMatchObject({ id: asset.id, updatedAt: asset.updatedAt });
    expect(await rows(`select 1 from hearth.audit_log where target_id = $1 and operation = 'updateAsset'`, [asset.id])).toEqual([]);
  });

  it('checks the asset as it would be after the change', async () => {
    const asset = await create(dwelling());
    const result = (await as(aber, () => service.update(asset.id, { addressLine1: null, postcode: 'CF10' }))) as AssetInvalid;
    expect(result.problems.map((p) => p.field)).toEqual(['postcode', 'addressLine1']);
    await expect(as(aber, () => service.find(asset.id))).resolves.toMatchObject({ addressLine1: '1 Heol y Deri', postcode: 'CF10 1AA' });
  });

  it("refuses another asset's UPRN, and answers not found for an asset it cannot see", async () => {
    const holder = await create(dwelling({ uprn: '20001' }));
    const asset = await create(dwelling());
    await expect(as(aber, () => service.update(asset.id, { uprn: '20001' }))).resolves.toMatchObject({ code: 'DUPLICATE_UPRN', assetId: holder.id });
    // Its own UPRN is no duplicate.
    await expect(as(aber, () => service.update(holder.id, { uprn: '20001', bedrooms: 1 }))).resolves.toMatchObject({ bedrooms: 1 });
    const theirs = await create(dwelling(), millbrook);
    await expect(as(aber, () => service.update(theirs.id, { bedrooms: 1 }))).resolves.toMatchObject({ code: 'ASSET_NOT_FOUND', id: theirs.id });
  });
});

describe('legacy references', () => {
  it('adds one, finds the asset by it, and refuses it twice', async () => {
    const asset = await create(dwelling());
    const added = await as(aber, () => service.addReference({ assetId: asset.id, system: ' orchard ', reference: 'PROP-0042', description: 'Orchard property id' }));
    expect(added).toBeInstanceOf(Asset);
    await expect(as(aber, () => service.findByReference('orchard', 'PROP-0042'))).resolves.toMatchObject({ id: asset.id });
    await expect(as(millbrook, () => service.findByReference('orchard', 'PROP-0042'))).resolves.toBeNull();

    const other = await create(dwelling());
    const again = await as(aber, () => service.addReference({ assetId: other.id, system: 'orchard', reference: 'PROP-0042' }));
    expect(again).toMatchObject({ code: 'DUPLICATE_REFERENCE', assetId: asset.id, system: 'orchard', reference: 'PROP-0042' });

    const references = await as(aber, () => service.referencesOf([asset.id, other.id]));
    expect(references.get(asset.id)).toEqual([{ system: 'orchard', reference: 'PROP-0042', description: 'Orchard property id' }]);
    expect(references.get(other.id)).toEqual([]);
  });

  it('refuses a blank or overlong reference', async () => {
    const asset = await create(dwelling());
    const result = (await as(aber, () => service.addReference({ assetId: asset.id, system: '', reference: 'x'.repeat(101) }))) as AssetInvalid;
    expect(result.problems).toEqual([
      { field: 'system', message: 'system must not be blank' },
      { field: 'reference', message: 'reference must be at most 100 characters' },
    ]);
  });

  it('removes one, audited as a change of its asset', async () => {
    const asset = await create(dwelling());
    await as(aber, () => service.addReference({ assetId: asset.id, system: 'orchard', reference: 'PROP-7' }));
    await expect(as(aber, () => service.removeReference({ assetId: asset.id, system: 'orchard', reference: 'PROP-7' }))).resolves.toBeInstanceOf(Asset);
    await expect(as(aber, () => service.removeReference({ assetId: asset.id, system: 'orchard', reference: 'PROP-7' }))).resolves.toMatchObject({
      code: 'ASSET_REFERENCE_NOT_FOUND',
    });
    const audit = await rows(`select operation, before, after from hearth.audit_log where target_id = $1 and operation like '%Reference' order by id`, [asset.id]);
    expect(audit).toEqual([
      { operation: 'addAssetReference', before: null, after: { system: 'orchard', reference: 'PROP-7', description: null } },
      { operation: 'removeAssetReference', before: { system: 'orchard', reference: 'PROP-7', description: null }, after: null },
    ]);
  });
});

describe('listing and searching', () => {
  let member: TestMember;
  const list = (filter: Parameters<AssetService['list']>[0], page: Parameters<AssetService['list']>[1] = {}) => as(member, () => service.list(filter, page));
  const search = (text: string) => as(member, async () => (await service.search(text)).map((a) => a.addressLine1 ?? a.name));

  beforeAll(async () => {
    member = await insertMember(db.admin, 'ceredigion', { assets: {} });
    const estate = await create({ kind: AssetKind.ESTATE, name: 'Penparcau', patch: 'South' }, member);
    const block = await create({ kind: AssetKind.BLOCK, name: 'Tŷ Gwyn', parentId: estate.id, patch: 'South', postcode: 'SY23 1AB' }, member);
    for (let n = 1; n <= 12; n += 1) {
      await create(dwelling({ parentId: block.id, addressLine1: `Flat ${n}, Tŷ Gwyn`, postcode: 'SY23 1AB', patch: 'South' }), member);
    }
    for (let n = 1; n <= 5; n += 1) {
      await create(dwelling({ addressLine1: `${n} Acacia Avenue`, postcode: `CF10 ${n}AB`, patch: 'North', uprn: `3000${n}` }), member);
    }
    await create(dwelling({ addressLine1: '9 Cathedral Road', postcode: 'CF11 9LJ', patch: 'North' }), member);
    const [acacia] = (await as(member, () => service.list({ uprn: '30003' }))).edges.map((e) => e.node);
    await as(member, () => service.addReference({ assetId: acacia.id, system: 'orchard', reference: 'ORCH-98765' }));
  });

  it.each([
    [{}, 20],
    [{ kind: AssetKind.DWELLING }, 18],
    [{ kind: AssetKind.DWELLING, patch: 'North' }, 6],
    [{ patch: 'South' }, 14],
    [{ postcode: 'sy231ab' }, 13],
    [{ postcode: 'CF10' }, 5],
    [{ postcode: ' cf1 ' }, 0],
    [{ uprn: '030003' }, 1],
    [{ search: 'acacia' }, 5],
  ])('filters by %j', async (filter, total) => {
    const page = await list(filter, { first: 50 });
    expect(page.totalCount).toBe(total);
    expect(page.edges).toHaveLength(total);
  });

  it('filters by parent', async () => {
    const [estate] = (await list({ kind: AssetKind.ESTATE })).edges;
    const children = await list({ parentId: estate.node.id });
    expect(children.edges.map((e) => e.node.name)).toEqual(['Tŷ Gwyn']);
  });

  it('pages without overlap or gap, in a stable order', async () => {
    const all = (await list({ kind: AssetKind.DWELLING }, { first: 100 })).edges.map((e) => e.node.id);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await list({ kind: AssetKind.DWELLING }, { first: 5, after });
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.totalCount).toBe(18);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor!;
    }
    expect(seen).toEqual(all);
    expect([...all].sort()).toEqual(all);
  });

  it("refuses a cursor from another filter, or one it didn't issue", async () => {
    const page = await list({ kind: AssetKind.DWELLING }, { first: 2 });
    await expect(list({ patch: 'North' }, { after: page.pageInfo.endCursor! })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'The "after" cursor is from another query or filter; ask again without it',
    });
    await expect(list({}, { after: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it.each([
    [{ postcode: 'CF' }, /"CF" is neither a full postcode/],
    [{ postcode: 'CF10 1' }, /"CF10 1" is neither a full postcode/],
    [{ uprn: 'abc' }, /uprn must be 1 to 12 digits/],
    [{ parentId: 'block-7' }, /"block-7" is not an asset id/],
    [{ search: 'ab' }, /Search for 3 to 100 characters/],
  ])('refuses a filter of %j', async (filter, message) => {
    await expect(list(filter)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(message) });
  });

  it('finds by address fragment, postcode however spaced, legacy reference and UPRN, best first', async () => {
    expect((await search('3 acacia avenue'))[0]).toBe('3 Acacia Avenue');
    expect(await search('cathedral rd')).toEqual(['9 Cathedral Road']);
    expect(await search('cf119lj')).toEqual(['9 Cathedral Road']);
    expect(await search('ORCH-98765')).toEqual(['3 Acacia Avenue']);
    expect(await search('30004')).toEqual(['4 Acacia Avenue']);
    expect((await search('Ty Gwyn')).length).toBeGreaterThan(10);
  });

  it("never finds another member's assets", async () => {
    await expect(as(aber, () => service.search('Acacia Avenue'))).resolves.toEqual([]);
    await expect(as(aber, () => service.list({ postcode: 'SY23 1AB' }))).resolves.toMatchObject({ totalCount: 0 });
  });

  it('reads many assets by id in one go, leaving out those it cannot see', async () => {
    const ids = (await list({ patch: 'North' })).edges.map((e) => e.node.id);
    const theirs = await create(dwelling(), millbrook);
    const found = await as(member, () => service.findByIds([...ids, theirs.id, 'nonsense']));
    expect([...found.keys()].sort()).toEqual([...ids].sort());
  });
});
