import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/**
 * The register scopes are shared with the tenancies module: a partner is given "the register",
 * not each table of it.
 */
export const assetPermissions = definePermissions({
  read: { description: 'Read assets and their references', roles: ANY_STAFF_ROLE, scopes: ['register:read'] },
  write: {
    description: 'Create and change assets and their references',
    roles: [Role.TenantAdmin, Role.HousingOfficer],
    scopes: ['register:write'],
  },
});

export const AssetEvent = {
  Created: 'assets.asset.created',
  /** Any change to an asset, its references included; the payload names the fields that changed. */
  Updated: 'assets.asset.updated',
} as const;
