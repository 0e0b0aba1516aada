export * from './assets.module';
export * from './asset.entity';
export * from './asset.model';
