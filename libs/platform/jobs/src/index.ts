export * from './redis-connection';
export * from './redis.module';
export * from './queues';
export * from './outbox-relay';
export * from './event-dispatcher';
export * from './scheduled-jobs';
export * from './jobs.module';
export * from './readiness';
