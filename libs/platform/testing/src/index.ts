export * from './test-database';
export * from './test-tokens';
export * from './test-members';
export * from './test-api';
export * from './test-process';
export * from './test-redis';
export * from './tcp-proxy';
export * from './graphql-fuzz';
