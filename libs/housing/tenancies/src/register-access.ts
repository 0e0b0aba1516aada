import { Injectable } from '@nestjs/common';
import { HearthError } from '@hearth/platform-core';
import { isGranted } from '@hearth/platform-auth';
import { hearthContext } from '@hearth/platform-database';
import { ModuleEnablement, type PermissionDefinition } from '@hearth/platform-kernel';
import { tenanciesPermissions as can } from './tenancies.permissions';

/** Whether this unit of work's actor holds `permission`, by the access guard's own rule. */
export function actorHolds(permission: PermissionDefinition): boolean {
  const actor = hearthContext.require().actor;
  return actor !== undefined && isGranted(permission, actor);
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
