import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { hearthContext, type HearthContext } from './context/hearth-context';
import { TransactionManager } from './transaction-manager';

export interface AuditChange {
  /** What was done, e.g. the GraphQL mutation or service method name. */
  operation: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

const RECORDED = Symbol('audit entries recorded in this unit of work');

/**
 * The append-only audit log: who (and for which member, acting for it or not) did what to
 * which record, with the record before and after. Written in the same transaction as the
 * change, so a change without its audit entry cannot be committed.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly transactions: TransactionManager) {}

  async record(change: AuditChange): Promise<void> {
    const context = hearthContext.require();
    const actor = context.actor;
    if (!actor) throw new HearthError('UNAUTHENTICATED', 'Changes can only be audited for a known actor');
    await this.transactions.query(
      `insert into hearth.audit_log
         (tenant_id, actor_kind, actor_id, actor_name, acting_for, request_id, operation, target_type, target_id, before, after)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        context.requireTenantId(),
        actor.kind,
        actor.id,
        actor.name ?? actor.username ?? null,
        context.actingFor,
        context.requestId,
        change.operation,
        change.targetType ?? null,
        change.targetId ?? null,
        change.before === undefined ? null : JSON.stringify(change.before),
        change.after === undefined ? null : JSON.stringify(change.after),
      ],
    );
    context.memo.set(RECORDED, AuditLog.recordedIn(context) + 1);
  }

  /** How many entries this unit of work has written; lets the mutation hook audit what services did not. */
  static recordedIn(context: HearthContext): number {
    return (context.memo.get(RECORDED) as number | undefined) ?? 0;
  }
}
