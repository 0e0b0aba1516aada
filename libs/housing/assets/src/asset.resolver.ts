import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access } from '@hearth/platform-auth';
import { connectionCost, PageArgs, requestLoader } from '@hearth/platform-graphql';
import {
  AddAssetReferenceResult,
  Asset,
  AssetConnection,
  AssetReference,
  CreateAssetResult,
  RemoveAssetReferenceResult,
  UpdateAssetResult,
} from './asset.model';
import { AssetService } from './asset.service';
import { assetPermissions as can } from './asset.permissions';
import { AssetsArgs, SearchAssetsArgs } from './dto/asset-filter.input';
import { CreateAssetInput, UpdateAssetInput } from './dto/asset.input';
import { AddAssetReferenceInput, RemoveAssetReferenceInput } from './dto/asset-reference.input';

@Resolver(() => Asset)
export class AssetResolver {
  constructor(private readonly service: AssetService) {}

  @Query(() => AssetConnection, { description: "The member's assets in a stable order, filtered.", complexity: connectionCost })
  @Access(can.read)
  assets(@Args() { filter, ...page }: AssetsArgs): Promise<AssetConnection> {
    return this.service.list(filter ?? {}, page);
  }

  @Query(() => Asset, { nullable: true, description: 'One asset, or null when this member has none with that id.' })
  @Access(can.read)
  asset(@Args('id', { type: () => ID }) id: string): Promise<Asset | null> {
    return this.service.find(id);
  }

  @Query(() => Asset, { nullable: true, description: 'The asset another system knows by this reference.' })
  @Access(can.read)
  assetByReference(@Args('system') system: string, @Args('reference') reference: string): Promise<Asset | null> {
    return this.service.findByReference(system, reference);
  }

  @Query(() => [Asset], { description: 'Assets matching words of a name, address, postcode, UPRN or legacy reference, best first.', complexity: connectionCost })
  @Access(can.read)
  searchAssets(@Args() { text, first }: SearchAssetsArgs): Promise<Asset[]> {
    return this.service.search(text, first);
  }

  @Mutation(() => CreateAssetResult, { description: 'Records a new asset; see docs/register/assets.md for the rules.' })
  @Access(can.write)
  createAsset(@Args('input') input: CreateAssetInput): Promise<typeof CreateAssetResult> {
    return this.service.create(input);
  }

  @Mutation(() => UpdateAssetResult, { description: 'Changes the fields given: one left out stays as it is, null clears it.' })
  @Access(can.write)
  updateAsset(@Args('id', { type: () => ID }) id: string, @Args('input') input: UpdateAssetInput): Promise<typeof UpdateAssetResult> {
    return this.service.update(id, input);
  }

  @Mutation(() => AddAssetReferenceResult, { description: 'Records an id the asset has in another system.' })
  @Access(can.write)
  addAssetReference(@Args('input') input: AddAssetReferenceInput): Promise<typeof AddAssetReferenceResult> {
    return this.service.addReference(input);
  }

  @Mutation(() => RemoveAssetReferenceResult, { description: 'Forgets an id the asset had in another system.' })
  @Access(can.write)
  removeAssetReference(@Args('input') input: RemoveAssetReferenceInput): Promise<typeof RemoveAssetReferenceResult> {
    return this.service.removeReference(input);
  }

  // Relations load through per-request DataLoaders: a page of assets costs one statement per
  // relation (two for children: the rows and their counts), however long the page.

  @ResolveField(() => Asset, { nullable: true, description: 'The estate or block this asset is part of.' })
  parent(@Parent() asset: Asset): Promise<Asset | null> | null {
    if (!asset.parentId) return null;
    return requestLoader<string, Asset | null>('assets.byId', async (ids) => {
      const found = await this.service.findByIds(ids);
      return ids.map((id) => found.get(id) ?? null);
    }).load(asset.parentId);
  }

  @ResolveField(() => AssetConnection, { description: 'The assets directly under this one, in a stable order.', complexity: connectionCost })
  children(@Parent() asset: Asset, @Args() page: PageArgs): Promise<AssetConnection> {
    // One loader per page asked for: every parent in a batch is read with the same first and after.
    return requestLoader<string, AssetConnection>(`assets.children:${page.first ?? ''}:${page.after ?? ''}`, async (ids) => {
      const children = await this.service.childrenOf(ids, page);
      return ids.map((id) => children.get(id)!);
    }).load(asset.id);
  }

  @ResolveField(() => [AssetReference], { description: 'Ids this asset has in other systems.' })
  references(@Parent() asset: Asset): Promise<AssetReference[]> {
    return requestLoader<string, AssetReference[]>('assets.references', async (ids) => {
      const references = await this.service.referencesOf(ids);
      return ids.map((id) => references.get(id) ?? []);
    }).load(asset.id);
  }
}
