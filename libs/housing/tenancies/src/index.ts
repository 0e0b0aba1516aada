export * from './tenancies.module';
export * from './tenancies.entities';
export * from './tenancies.permissions';
export * from './tenure-rules';
export * from './person.model';
export * from './tenancy.model';
// The GraphQL enum and the entity's value type share the name and the values; export the enum.
export { TenureType } from './tenancy.model';
export * from './dwelling.model';
