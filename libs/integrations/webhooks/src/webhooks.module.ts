import { HearthModule } from '@hearth/platform-kernel';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookEndpoints } from './webhook-endpoints.service';
import { WebhookFanOutHandler } from './webhook-fan-out.handler';
import { WebhookProcessor } from './webhook.processor';
import { WebhookQueue } from './webhook-queue';
import { WebhookDeliveryResolver, WebhookEndpointResolver } from './webhooks.resolver';
import { SWEEP_EVERY_MS, WebhooksSweepTask } from './webhooks-sweep.task';
import { webhookPermissions, WebhooksEvent } from './webhooks.permissions';
import { Webhooks1764100300000 } from './migrations/1764100300000-webhooks';

/**
 * Signed webhooks (Standard Webhooks) for every event the installed modules emit: a member
 * subscribes endpoints, the worker delivers from the outbox through BullMQ on the published
 * retry schedule, and every attempt is logged. Core: every member may subscribe, and nothing
 * is sent until one does. See docs/partners/webhooks.md and ADR 14.
 */
@HearthModule({
  key: 'webhooks',
  name: 'Webhooks',
  description: 'Signed HTTP callbacks of events to partner systems, retried for over a day, with a delivery log and replay.',
  version: '1.0.0',
  core: true,
  migrations: [Webhooks1764100300000],
  providers: [WebhookQueue, WebhookDeliveries, WebhookEndpoints, WebhookProcessor],
  resolvers: [WebhookEndpointResolver, WebhookDeliveryResolver],
  processors: [WebhookProcessor],
  permissions: webhookPermissions,
  events: {
    emits: {
      [WebhooksEvent.EndpointDisabled]: { description: 'A webhook endpoint was disabled: it failed for days without a success, or answered 410 Gone.' },
      [WebhooksEvent.Test]: { description: 'A test event, sent by sendTestWebhook to one endpoint only.' },
    },
    handles: { '*': WebhookFanOutHandler },
  },
  schedules: [{ key: 'webhooks-sweep', description: 'Re-queues due deliveries whose jobs were lost; disables endpoints failing for days.', every: SWEEP_EVERY_MS, task: WebhooksSweepTask }],
  exports: [WebhookDeliveries, WebhookProcessor, WebhookQueue],
  console: { routes: [{ path: 'integrations/webhooks', title: { en: 'Webhooks', cy: 'Bachau gwe' }, roles: webhookPermissions.manage.roles }] },
})
export class WebhooksModule {}
