export * from './partner-clients.module';
export * from './partner-clients.permissions';
export * from './partner-client.entity';
export * from './partner-client.model';
export * from './partner-client.service';
export * from './partner-client.policy';
export * from './partner-client-directory';
export * from './partner-scopes';
