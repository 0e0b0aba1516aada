import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { hearthContext } from '@hearth/platform-database';
import { ModuleEnablement, type PermissionDefinition } from '@hearth/platform-kernel';
import { tenanciesPermissions as can } from './tenancies.permissions';

/**
 * Whether this unit of work's actor holds `permission`, by the access guard's own rule: people
 * by realm role, partners by OAuth scope. (The guard keeps its check private; this belongs in
 * @hearth/platform-auth beside it.)
 */
export function actorHolds(permission: PermissionDefinition): boolean {
  const actor = hearthContext.require().actor;
  if (!actor) return false;
  return actor.kind === 'partner'
    ? (permission.scopes ?? []).some((scope) => actor.scopes.includes(scope))
    : permission.roles.some((role) => actor.roles.includes(role));
}

/**
 * Guards a field this module adds to another module's type (`Asset.currentTenancy`): the
 * operation's guards checked the other module's permission, not the register's.
 */
@Injectable()
export class RegisterAccess {
  constructor(private readonly modules: ModuleEnablement) {}

  async assertCanRead(): Promise<void> {
    await this.modules.assertEnabled('tenancies');
    if (!actorHolds(can.read)) {
      throw new HearthError('FORBIDDEN', `Reading tenancies needs one of the roles ${can.read.roles.join(', ')} or the scope register:read`);
    }
  }
}
