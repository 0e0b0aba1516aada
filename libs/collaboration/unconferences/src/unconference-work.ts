import { Injectable } from '@nestjs/common';
import { Role } from '@hearth/platform-auth';
import { AuditLog, hearthContext, Outbox, TransactionManager, type AuditChange, type DomainEvent } from '@hearth/platform-database';
import type { Unconference } from './unconference.model';

/** How an organiser's change reaches the database: as the organising member, or in consortium mode. */
export type OrganiserMode = 'member' | 'consortium';

/**
 * What every unconference change shares: who may organise, the audit entry and event that go
 * with each change, and savepoints for the few statements whose refusal by PostgreSQL is an
 * expected answer rather than a failure of the whole request.
 */
@Injectable()
export class UnconferenceWork {
  constructor(
    private readonly transactions: TransactionManager,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
  ) {}

  /**
   * How this person may organise `event`, or null if they may not: the organising member's
   * tenant admin works as the member (the database's organiser policy admits them), a consortium
   * admin works in consortium mode, which is audited like every change.
   */
  organiserMode(event: Pick<Unconference, 'organisationId'>): OrganiserMode | null {
    const context = hearthContext.require();
    const roles = context.actor?.roles ?? [];
    if (event.organisationId && event.organisationId === context.tenantId && roles.includes(Role.TenantAdmin)) return 'member';
    if (roles.includes(Role.ConsortiumAdmin)) return 'consortium';
    return null;
  }

  /** Runs an organiser's writes the way `mode` says. */
  asOrganiser<T>(mode: OrganiserMode, fn: () => Promise<T>): Promise<T> {
    return mode === 'consortium' ? this.transactions.asConsortium(fn) : fn();
  }

  /**
   * Audits a change and announces it. The audit entry always goes in (the member's log, or the
   * organisations' log for guests and consortium staff). The event goes in the bound member's
   * outbox; work with no member bound (a guest's, consortium staff's) has no member outbox to
   * write to, so it is audited only.
   */
  async record(change: AuditChange, event: DomainEvent): Promise<void> {
    await this.audit.record(change);
    if (hearthContext.require().tenantId) await this.outbox.publish(event);
  }

  /**
   * Runs one statement in a savepoint: when PostgreSQL refuses it with one of `codes` (a unique
   * or exclusion violation, a check a trigger raises), the transaction carries on and `refused`
   * answers instead; any other error still fails the request.
   */
  async attempt<T, F>(fn: () => Promise<T>, codes: readonly string[], refused: (error: DatabaseError) => F): Promise<T | F> {
    const name = `unconference_${Math.random().toString(36).slice(2, 10)}`;
    await this.transactions.query(`savepoint ${name}`);
    try {
      const result = await fn();
      await this.transactions.query(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await this.transactions.query(`rollback to savepoint ${name}`);
      const failure = error as DatabaseError;
      if (failure && codes.includes(failure.code ?? failure.driverError?.code ?? '')) return refused(failure);
      throw error;
    }
  }
}

/** What pg reports of a refused statement. */
export interface DatabaseError extends Error {
  code?: string;
  constraint?: string;
  driverError?: { code?: string; constraint?: string };
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_EXCLUSION_VIOLATION = '23P01';
export const PG_CHECK_VIOLATION = '23514';
