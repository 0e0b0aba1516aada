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
  private guest?: string;

  constructor(init: { requestId?: string; actor?: Actor; tenantId?: string; guestOrganisationId?: string } = {}) {
    this.requestId = init.requestId ?? randomUUID();
    this.actor = init.actor;
    this.tenant = init.tenantId;
    this.guest = init.guestOrganisationId;
    if (this.tenant && this.guest) throw new Error('A unit of work acts for a member or for a guest organisation, not both');
  }

  get tenantId(): string | undefined {
    return this.tenant;
  }

  /**
   * The guest organisation (a council, a health board) this work acts for. A guest is never a
   * member: with it bound, `hearth.current_tenant_id()` raises, so no member's data can be read.
   */
  get guestOrganisationId(): string | undefined {
    return this.guest;
  }

  /** The member or guest organisation this work acts for: whoever owns shared rows it writes (bookings, votes). */
  get organisationId(): string | undefined {
    return this.tenant ?? this.guest;
  }

  /**
   * Fixes the member this work is for. It may be set once, before the transaction opens:
   * changing member mid-transaction is what `TransactionManager.withTenant` is for, explicitly.
   */
  setTenant(tenantId: string): void {
    if (this.tenant === tenantId) return;
    if (this.tenant) throw new Error(`This unit of work is already bound to member ${this.tenant}`);
    if (this.guest) throw new Error(`This unit of work acts for guest organisation ${this.guest}, not a member`);
    if (this.transaction) throw new Error('Set the member before the first database call of the unit of work');
    this.tenant = tenantId;
  }

  /** Fixes the guest organisation this work acts for; like setTenant, once and before the transaction opens. */
  setGuestOrganisation(guestOrganisationId: string): void {
    if (this.guest === guestOrganisationId) return;
    if (this.tenant || this.guest) throw new Error('This unit of work is already bound to an organisation');
    if (this.transaction) throw new Error('Set the guest organisation before the first database call of the unit of work');
    this.guest = guestOrganisationId;
  }

  /** Like requireTenantId, for work any organisation may do (booking a desk, voting): the member's or the guest's id. */
  requireOrganisationId(): string {
    const id = this.organisationId;
    if (!id) {
      throw new HearthError(
        'TENANT_REQUIRED',
        'This operation acts for an organisation, but none was chosen. Staff and guest tokens name their ' +
          'organisation; a consortium admin names a member with the X-Hearth-Act-For header.',
      );
    }
    return id;
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
