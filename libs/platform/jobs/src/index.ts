export * from './redis';
export * from './queues';
export * from './outbox-relay';
export * from './event-dispatcher';
export * from './jobs.module';
