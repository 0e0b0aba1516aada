import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import type { Actor } from './actor';
import { HearthError } from '@hearth/platform-core';

/**
 * The state of one unit of work (a GraphQL request, a job, a command): who acts, for which
 * member, and the one transaction every repository in that work shares.
 *
 * It lives in AsyncLocalStorage so that no code path can forget to pass it on, and so that a
 * job handler runs through exactly the same row-level-security path as a request.
 */
export class HearthContext {
  readonly requestId: string;
  actor?: Actor;
  /** True when a consortium admin acts for a member other than their own. */
  actingFor = false;
  /** Lazily opened; a promise so that parallel resolvers share one transaction. */
  transaction?: Promise<QueryRunner>;
  /** Per-unit memo (DataLoaders, module enablement), dropped with the context. */
  readonly memo = new Map<unknown, unknown>();
  private tenant?: string;

  constructor(init: { requestId?: string; actor?: Actor; tenantId?: string } = {}) {
    this.requestId = init.requestId ?? randomUUID();
    this.actor = init.actor;
    this.tenant = init.tenantId;
  }

  get tenantId(): string | undefined {
    return this.tenant;
  }

  /**
   * Fixes the member this work is for. It may be set once, before the transaction opens:
   * changing member mid-transaction is what `TransactionManager.withTenant` is for, explicitly.
   */
  setTenant(tenantId: string): void {
    if (this.tenant === tenantId) return;
    if (this.tenant) throw new Error(`This unit of work is already bound to member ${this.tenant}`);
    if (this.transaction) throw new Error('Set the member before the first database call of the unit of work');
    this.tenant = tenantId;
  }

  /**
   * Rebinds the member for the duration of `fn`; only TransactionManager.withTenant calls this,
   * alongside the matching `set_config`, so the context and the database never disagree.
   */
  async rebindTenant<T>(tenantId: string | undefined, fn: () => Promise<T>): Promise<T> {
    const previous = this.tenant;
    this.tenant = tenantId;
    try {
      return await fn();
    } finally {
      this.tenant = previous;
    }
  }

  requireTenantId(): string {
    if (!this.tenant) {
      throw new HearthError(
        'TENANT_REQUIRED',
        "This operation works on one member's data, but no member was chosen. Staff tokens name " +
          'their organisation; a consortium admin names a member with the X-Hearth-Act-For header.',
      );
    }
    return this.tenant;
  }

  memoize<T>(key: unknown, create: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, create());
    return this.memo.get(key) as T;
  }
}

const storage = new AsyncLocalStorage<HearthContext>();

export const hearthContext = {
  run<T>(context: HearthContext, fn: () => T): T {
    return storage.run(context, fn);
  },

  current(): HearthContext | undefined {
    return storage.getStore();
  },

  require(): HearthContext {
    const context = storage.getStore();
    if (!context) {
      throw new Error(
        'No Hearth context: tenant data can only be touched inside a request, a job, or ' +
          'TransactionManager.run(...). Wrap the call, or see docs/tenancy.md.',
      );
    }
    return context;
  },
};
