import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/** A member's admin manages its endpoints, any staff may read the delivery log; partners need `webhooks:manage`. */
export const webhookPermissions = definePermissions({
  read: {
    description: "See the member's webhook endpoints, their deliveries and attempts, and the event catalogue",
    roles: ANY_STAFF_ROLE,
    scopes: ['webhooks:manage'],
  },
  manage: {
    description: 'Subscribe, change, rotate, enable and delete webhook endpoints; replay deliveries; send test events',
    roles: [Role.TenantAdmin],
    scopes: ['webhooks:manage'],
  },
});

export const WebhooksEvent = {
  /** An endpoint was disabled (failing for days, or it answered 410 Gone); the member is told. */
  EndpointDisabled: 'webhooks.endpoint.disabled',
  /** Sent by sendTestWebhook to one endpoint only, whatever it subscribes to. */
  Test: 'webhooks.test',
} as const;

/** BullMQ queue of webhook deliveries: `{ tenantId, ids: [deliveryId] }`, job id `<delivery id>.<attempt>`. */
export const WEBHOOKS_QUEUE = 'hearth-webhooks';

/** How long a rotated-out secret still signs deliveries, beside the new one. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000;
