export * from './webhooks.module';
export * from './webhooks.permissions';
export * from './webhook.model';
export * from './signature';
export * from './url-policy';
export * from './webhook-deliveries.service';
export * from './webhook.processor';
export * from './webhook-queue';
