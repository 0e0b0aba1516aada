import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, QueryRunner, Repository } from 'typeorm';
import { HearthContext, hearthContext } from './context/hearth-context';
import type { Actor } from './context/actor';

export const APP_DATA_SOURCE = Symbol('APP_DATA_SOURCE');

/** How long one statement may run before PostgreSQL cancels it; protects the pool from runaway queries. */
const STATEMENT_TIMEOUT_MS = 15_000;

export interface UnitOfWork {
  actor: Actor;
  tenantId?: string;
  guestOrganisationId?: string;
  requestId?: string;
}

/**
 * One transaction per unit of work, shared by every repository in it, opened as `hearth_app`
 * with the member bound by a transaction-local `set_config`. Because the setting is
 * transaction-local, a pooled connection can never carry one member's id into another's work.
 */
@Injectable()
export class TransactionManager {
  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Runs `fn` as a unit of work of its own: commits when it resolves, rolls back when it throws. */
  async run<T>(work: UnitOfWork, fn: () => Promise<T>): Promise<T> {
    const context = new HearthContext(work);
    return hearthContext.run(context, async () => {
      let result: T;
      try {
        result = await fn();
      } catch (error) {
        await this.finish(context, 'rollback');
        throw error;
      }
      await this.finish(context, 'commit');
      return result;
    });
  }

  /** Ends a context's transaction, if one was opened. Requests call this when the response is ready. */
  async finish(context: HearthContext, outcome: 'commit' | 'rollback'): Promise<void> {
    const pending = context.transaction;
    if (!pending) return;
    context.transaction = undefined;
    let runner: QueryRunner;
    try {
      runner = await pending;
    } catch {
      return; // the transaction never opened; its error already reached the caller
    }
    try {
      if (runner.isTransactionActive) {
        if (outcome === 'commit') await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
    }
  }

  /** The entity manager of the current unit of work's transaction. */
  async manager(): Promise<EntityManager> {
    return (await this.runner()).manager;
  }

  async repository<E extends ObjectLiteral>(entity: EntityTarget<E>): Promise<Repository<E>> {
    return (await this.manager()).getRepository(entity);
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return (await this.runner()).query(sql, parameters);
  }

  /**
   * Works on another member's rows inside the current transaction, then restores the binding.
   * For explicit, audited cross-member work (onboarding, a consortium admin's acts); never run
   * two of these concurrently in one unit of work.
   */
  async withTenant<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
    const context = hearthContext.require();
    const previous = context.tenantId;
    await this.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    const restore = () => this.query(`select set_config('app.tenant_id', $1, true)`, [previous ?? '']);
    let result: T;
    try {
      result = await context.rebindTenant(tenantId, fn);
    } catch (error) {
      // After a database error the transaction is aborted and the restore fails too; the error
      // that matters is the first one, and the rollback undoes the binding anyway.
      await restore().catch(() => undefined);
      throw error;
    }
    await restore();
    return result;
  }

  /**
   * Opens the consortium write policy on shared tables (the member registry) for `fn`.
   * Only explicit consortium services call this, and they audit what they do.
   */
  async asConsortium<T>(fn: () => Promise<T>): Promise<T> {
    await this.query(`select set_config('app.consortium', 'on', true)`);
    try {
      return await fn();
    } finally {
      await this.query(`select set_config('app.consortium', 'off', true)`);
    }
  }

  private runner(): Promise<QueryRunner> {
    const context = hearthContext.require();
    context.transaction ??= this.open(context);
    return context.transaction;
  }

  private async open(context: HearthContext): Promise<QueryRunner> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      serializeQueries(runner);
      await runner.startTransaction();
      await runner.query(
        `select set_config('app.tenant_id', $1, true), set_config('app.guest_organisation_id', $2, true),
                set_config('statement_timeout', $3, true)`,
        [context.tenantId ?? '', context.guestOrganisationId ?? '', String(STATEMENT_TIMEOUT_MS)],
      );
      return runner;
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
}

/**
 * Parallel resolvers of one request share its transaction, so their queries meet on one
 * connection. pg deprecates queueing queries on a busy client (an error from pg 9), so the
 * runner queues them itself, in the order they were asked for; COMMIT waits its turn too.
 */
function serializeQueries(runner: QueryRunner): void {
  const query = runner.query.bind(runner);
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: Parameters<QueryRunner['query']>) => {
    const result = tail.then(() => query(...args));
    tail = result.catch(() => undefined);
    return result;
  }) as QueryRunner['query'];
}
