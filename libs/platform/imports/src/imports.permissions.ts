import { Role } from '@hearth/platform-auth';
import { definePermissions } from '@hearth/platform-kernel';

/** Imports write the register, so they use the register's scopes (see the assets module). */
export const importPermissions = definePermissions({
  read: {
    description: 'See import runs, their progress and problems, and the kinds of file Hearth can import',
    roles: [Role.TenantAdmin, Role.HousingOfficer],
    scopes: ['register:read', 'register:write'],
  },
  start: {
    description: 'Upload files and import them into the register',
    roles: [Role.TenantAdmin, Role.HousingOfficer],
    scopes: ['register:write'],
  },
});

export const ImportEvent = {
  /** A run was started through the API; the worker queues it for an import processor. */
  Queued: 'imports.run.queued',
  /** A run changed the register; the payload has its kind and counts. Runs that change nothing emit nothing. */
  Applied: 'imports.run.applied',
} as const;

/** BullMQ queue of import runs: `{ tenantId, ids: [runId] }`, the run id as job id. */
export const IMPORTS_QUEUE = 'hearth-imports';
