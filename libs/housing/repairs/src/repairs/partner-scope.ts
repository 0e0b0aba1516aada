import { Injectable } from '@nestjs/common';
import { hearthContext, TransactionManager } from '@hearth/platform-database';

const CONTRACTORS = Symbol('partner contractors');

/**
 * The Keycloak client a contractor's system signs in as, when the actor is a partner: matched
 * against `contractor.partner_client_id`. Null for staff.
 */
export function partnerClientId(): string | null {
  const actor = hearthContext.require().actor;
  return actor?.kind === 'partner' ? actor.id : null;
}

/**
 * What a partner may read of repairs: only the work orders assigned to the contractor it signs
 * in as, and the repairs they belong to. A partner that is no contractor of the member reads
 * none; staff read all of the member's.
 */
@Injectable()
export class PartnerScope {
  constructor(private readonly transactions: TransactionManager) {}

  /** The ids of the contractors the partner signs in as (at most one), or null for staff: no restriction. */
  contractorIds(): Promise<string[] | null> {
    const client = partnerClientId();
    if (!client) return Promise.resolve(null);
    return hearthContext.require().memoize(CONTRACTORS, async () => {
      const rows = await this.transactions.query<{ id: string }>(`select id from hearth.contractor where partner_client_id = $1`, [client]);
      return rows.map((row) => row.id);
    });
  }
}
