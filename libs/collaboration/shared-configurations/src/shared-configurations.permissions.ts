import { ANY_STAFF_ROLE, Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/**
 * Staff of a member browse the library and preview copies; its tenant admins publish, withdraw
 * and copy, since copying changes the member's settings. Guests hold none of these, and the
 * table's policy shows them no rows even if a token claims a staff role.
 */
export const sharedConfigurationsPermissions = definePermissions({
  read: { description: 'Browse the shared configuration library, preview copies and see what was copied', roles: ANY_STAFF_ROLE },
  publish: { description: "Publish the member's configuration to the shared library, and withdraw it", roles: [Role.TenantAdmin] },
  adopt: { description: "Copy a shared configuration into the member's own settings", roles: [Role.TenantAdmin] },
});

export const SharedConfigurationsEvent = {
  Published: 'shared-configurations.configuration.published',
  Withdrawn: 'shared-configurations.configuration.withdrawn',
  Adopted: 'shared-configurations.configuration.adopted',
} as const;

export const sharedConfigurationsEvents = {
  [SharedConfigurationsEvent.Published]: { description: 'The member published a version of a piece of its configuration to the shared library.' },
  [SharedConfigurationsEvent.Withdrawn]: { description: 'The member withdrew a version it had published.' },
  [SharedConfigurationsEvent.Adopted]: { description: "The member copied a shared configuration into its own settings." },
};
