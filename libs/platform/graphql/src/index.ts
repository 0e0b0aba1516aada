export * from './connection';
export * from './error-result';
export * from './format-error';
export * from './query-limits';
export * from './request-context';
export * from './dataloader';
export * from './hearth-graphql.module';
export * from './enum-of';
