import { Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/** Partner clients are a member's own keys to its data: only its tenant admins manage them, and no partner can. */
export const partnerClientPermissions = definePermissions({
  manage: {
    description: "Register the member's partner clients, choose their scopes and limits, suspend them and rotate their secrets",
    roles: [Role.TenantAdmin],
  },
});

export const PartnerClientEvent = {
  Registered: 'partner-clients.client.registered',
  Suspended: 'partner-clients.client.suspended',
  Reinstated: 'partner-clients.client.reinstated',
} as const;

/** How long the access guard trusts what it read about a client (suspension reaches other API processes within it). */
export const POLICY_CACHE_MS = 30_000;
