export * from './tenancies.module';
export * from './tenancies.entities';
