import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { PartnerClientPolicy, PartnerClientVerdict } from '@hearth/platform-auth';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';
import { APP_DATA_SOURCE, type Actor } from '@hearth/platform-database';
import { POLICY_CACHE_MS } from './partner-clients.permissions';

export const SUSPENDED_REASON = 'This partner client is suspended';
export const UNREGISTERED_REASON = 'This partner client is not registered with this member; a tenant admin registers it with registerPartnerClient';

interface ClientRow {
  status: string;
  scopes: string[];
  rate_limit_per_minute: number | null;
}

/**
 * What the access guard asks about every partner request: the client must be registered with
 * the member its token names and not suspended, its token's scopes are narrowed to those the
 * client holds now (so taking a scope away works before the token expires), and its own rate
 * limit applies. Answers are kept for 30 seconds per process; this process forgets one as soon
 * as the client changes.
 */
@Injectable()
export class PartnerClientAccessPolicy implements PartnerClientPolicy {
  private readonly cache = new Map<string, { until: number; verdict: PartnerClientVerdict }>();

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(HEARTH_CONFIG) private readonly config: HearthConfig,
  ) {}

  async check(actor: Actor, tenantId: string | undefined): Promise<PartnerClientVerdict> {
    if (!tenantId) return { allowed: false, reason: 'A partner token must name exactly one member organisation' };
    const key = `${tenantId} ${actor.id}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > Date.now()) return cached.verdict;
    const verdict = this.verdictFor(await this.read(tenantId, actor.id));
    this.cache.set(key, { until: Date.now() + POLICY_CACHE_MS, verdict });
    return verdict;
  }

  /** Drops what this process knows of a client, so its next request reads the table again. */
  forget(tenantId: string, clientId: string): void {
    this.cache.delete(`${tenantId} ${clientId}`);
  }

  private verdictFor(row: ClientRow | undefined): PartnerClientVerdict {
    if (!row) {
      return this.config.partnerClients.requireRegistration ? { allowed: false, reason: UNREGISTERED_REASON } : { allowed: true };
    }
    if (row.status !== 'active') return { allowed: false, reason: SUSPENDED_REASON };
    return { allowed: true, scopes: row.scopes, rateLimitPerMinute: row.rate_limit_per_minute ?? undefined };
  }

  /** A short transaction of its own, bound to the member (RLS applies), outside the request's. */
  private read(tenantId: string, clientId: string): Promise<ClientRow | undefined> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      const rows: ClientRow[] = await manager.query(
        `select status, scopes, rate_limit_per_minute from hearth.partner_client where client_id = $1`,
        [clientId],
      );
      return rows[0];
    });
  }
}
