import type { Actor } from '@hearth/platform-database';

/**
 * What the platform asks about a partner's token on every request, beyond its signature and
 * scopes: is its client still allowed (not suspended, registered with the member), and what
 * rate limit is its own. The partner-clients module binds it; with none bound, every validly
 * signed partner token is let through on its scopes alone.
 */
export interface PartnerClientVerdict {
  allowed: boolean;
  /** Why not, for the caller to read ("This partner client is suspended"). */
  reason?: string;
  /**
   * The scopes the client holds now: the token's scopes are narrowed to these, so a scope taken
   * away stops working before the token expires. Absent: the token's scopes stand.
   */
  scopes?: readonly string[];
  /** The client's own requests per minute; absent means the deployment's default. */
  rateLimitPerMinute?: number;
}

export interface PartnerClientPolicy {
  /** Called once per request for a partner actor, after the member is bound (`tenantId`). */
  check(actor: Actor, tenantId: string | undefined): Promise<PartnerClientVerdict>;
}

/** The injection token a module provides its PartnerClientPolicy under (looked up across all modules). */
export const PARTNER_CLIENT_POLICY = Symbol('PARTNER_CLIENT_POLICY');
