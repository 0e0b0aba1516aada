import { HearthModule } from '@hearth/platform-kernel';
import { AssetEntity, AssetReferenceEntity } from './asset.entity';
import { Assets1763900200000 } from './migrations/1763900200000-assets';

/** Estates, blocks, dwellings, communal areas and garages: what every other housing module stands on. */
@HearthModule({
  key: 'assets',
  name: 'Assets',
  description: 'The homes and places a member manages: estates, blocks, dwellings, communal areas and garages.',
  version: '1.0.0',
  entities: [AssetEntity, AssetReferenceEntity],
  migrations: [Assets1763900200000],
})
export class AssetsModule {}
