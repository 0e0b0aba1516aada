import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { hearthContext } from './context/hearth-context';
import { TransactionManager } from './transaction-manager';

export interface AuditChange {
  /** What was done, e.g. the GraphQL mutation or service method name. */
  operation: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The append-only audit log: who (and for which member, acting for it or not) did what to
 * which record, with the record before and after. Work with no member bound (a guest
 * organisation's, or consortium staff's in shared spaces and events) goes to the organisations'
 * audit log instead. Written in the same transaction as the
 * change, so a change without its audit entry cannot be committed.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly transactions: TransactionManager) {}

  async record(change: AuditChange): Promise<void> {
    const context = hearthContext.require();
    const actor = context.actor;
    if (!actor) throw new HearthError('UNAUTHENTICATED', 'Changes can only be audited for a known actor');
    const entry = [
      actor.kind,
      actor.id,
      actor.name ?? actor.username ?? null,
      context.requestId,
      change.operation,
      change.targetType ?? null,
      change.targetId ?? null,
      change.before === undefined ? null : JSON.stringify(change.before),
      change.after === undefined ? null : JSON.stringify(change.after),
    ];
    if (context.tenantId) {
      await this.transactions.query(
        `insert into hearth.audit_log
           (actor_kind, actor_id, actor_name, request_id, operation, target_type, target_id, before, after, tenant_id, acting_for)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [...entry, context.tenantId, context.actingFor],
      );
    } else {
      // A guest, or consortium staff working for no member (shared spaces, events): the
      // organisations' own append-only log, since there is no member whose log it belongs in.
      await this.transactions.query(
        `insert into hearth.organisation_audit_log
           (actor_kind, actor_id, actor_name, request_id, operation, target_type, target_id, before, after, guest_organisation_id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [...entry, context.guestOrganisationId ?? null],
      );
    }
  }
}
