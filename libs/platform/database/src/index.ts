export * from './context/actor';
export * from './context/hearth-context';
export * from './transaction-manager';
export * from './data-source';
export * from './database-setup';
export * from './database.module';
export * from './audit-log';
export * from './outbox';
export * from './schema/tenant-isolation';
export * from './entities/tenant.entity';
export * from './entities/tenant-module.entity';
export * from './entities/guest-organisation.entity';
export * from './entities/audit-entry.entity';
export * from './entities/outbox-event.entity';
import { TenantEntity } from './entities/tenant.entity';
import { TenantModuleEntity } from './entities/tenant-module.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { OutboxEventEntity } from './entities/outbox-event.entity';
import { PlatformKernel1763900000000 } from './migrations/1763900000000-platform-kernel';
import { GuestOrganisations1764200000000 } from './migrations/1764200000000-guest-organisations';
import { GuestOrganisationEntity } from './entities/guest-organisation.entity';

/** The kernel's own schema parts; the module registry adds every module's to these. */
export const PLATFORM_SCHEMA = {
  entities: [TenantEntity, TenantModuleEntity, GuestOrganisationEntity, AuditEntryEntity, OutboxEventEntity],
  migrations: [PlatformKernel1763900000000, GuestOrganisations1764200000000],
};
