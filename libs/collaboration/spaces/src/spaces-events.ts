import { Injectable } from '@nestjs/common';
import { hearthContext, Outbox, TransactionManager, type DomainEvent } from '@hearth/platform-database';

/**
 * Publishes a spaces event to the outbox of the member it concerns, in the same transaction as
 * the change. The outbox (and the webhooks fed from it) is per member, so an event about a guest
 * organisation's booking, or about a venue the consortium runs, has no outbox to go to: those
 * changes are recorded in the organisations' audit log only (ADR 16).
 */
@Injectable()
export class SpacesEvents {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly outbox: Outbox,
  ) {}

  /** Returns whether the event was written (false when `organisationId` is no member's). */
  async publish(organisationId: string | null, event: DomainEvent): Promise<boolean> {
    if (!organisationId) return false;
    const context = hearthContext.require();
    if (context.tenantId === organisationId) {
      await this.outbox.publish(event);
      return true;
    }
    if (context.guestOrganisationId === organisationId || !(await this.isMember(organisationId))) return false;
    // Consortium work (the no-show release, a consortium admin changing a member's venue) tells
    // the member it concerns: explicitly, in that member's name, inside the same transaction.
    await this.transactions.withTenant(organisationId, () => this.outbox.publish(event));
    return true;
  }

  private async isMember(organisationId: string): Promise<boolean> {
    const [row] = await this.transactions.query<{ member: boolean }>(`select exists (select 1 from hearth.tenant where id = $1) as member`, [organisationId]);
    return row.member;
  }
}
