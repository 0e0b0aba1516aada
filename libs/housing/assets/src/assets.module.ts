import { HearthModule } from '@hearth/platform-kernel';
import { AssetEntity, AssetReferenceEntity } from './asset.entity';
import { AssetImporter } from './asset.importer';
import { AssetEvent, assetPermissions } from './asset.permissions';
import { AssetResolver } from './asset.resolver';
import { AssetService } from './asset.service';
import { Assets1763900200000 } from './migrations/1763900200000-assets';
import { AssetReferenceTenantImplied1764400000000 } from './migrations/1764400000000-asset-reference-tenant-implied';

/** Estates, blocks, dwellings, communal areas and garages: what every other housing module stands on. */
@HearthModule({
  key: 'assets',
  name: 'Assets',
  description: 'The homes and places a member manages: estates, blocks, dwellings, communal areas and garages.',
  version: '1.0.0',
  entities: [AssetEntity, AssetReferenceEntity],
  migrations: [Assets1763900200000, AssetReferenceTenantImplied1764400000000],
  providers: [AssetService],
  // Modules that depend on assets read through the service (ADR 9: read, never write, our tables).
  exports: [AssetService],
  resolvers: [AssetResolver],
  importers: [AssetImporter],
  permissions: assetPermissions,
  events: {
    emits: {
      [AssetEvent.Created]: { description: 'An asset was created.' },
      [AssetEvent.Updated]: { description: 'An asset or its references changed; the payload lists the fields that changed.' },
    },
  },
  console: { routes: [{ path: 'assets', title: { en: 'Assets', cy: 'Asedau' }, roles: assetPermissions.read.roles }] },
})
export class AssetsModule {}
