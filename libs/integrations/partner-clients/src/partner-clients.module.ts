import { PARTNER_CLIENT_POLICY, Role } from '@hearth/platform-auth';
import { HearthModule } from '@hearth/platform-kernel';
import { PartnerClientEntity } from './partner-client.entity';
import { partnerClientDirectoryProvider } from './partner-client-directory';
import { PartnerClientAccessPolicy } from './partner-client.policy';
import { PartnerClientResolver } from './partner-client.resolver';
import { PartnerClientService } from './partner-client.service';
import { PartnerClients1763900610000 } from './migrations/1763900610000-partner-clients';
import { PartnerClientEvent, partnerClientPermissions } from './partner-clients.permissions';

/**
 * Partner API clients (issue 7): a member's tenant admins register the partner systems that
 * use the API for it, grant them scopes and limits, suspend them and rotate their secrets.
 * Core, because the access guard asks it about every partner request (PARTNER_CLIENT_POLICY).
 */
@HearthModule({
  key: 'partner-clients',
  name: 'Partner clients',
  description: "API clients for the member's partners (contractors, payment providers, councils): scopes, limits, suspension, secrets.",
  version: '1.0.0',
  core: true,
  entities: [PartnerClientEntity],
  migrations: [PartnerClients1763900610000],
  providers: [
    partnerClientDirectoryProvider,
    PartnerClientAccessPolicy,
    { provide: PARTNER_CLIENT_POLICY, useExisting: PartnerClientAccessPolicy },
    PartnerClientService,
  ],
  resolvers: [PartnerClientResolver],
  permissions: partnerClientPermissions,
  events: {
    emits: {
      [PartnerClientEvent.Registered]: { description: 'A partner client was registered: its client id, name and scopes.' },
      [PartnerClientEvent.Suspended]: { description: 'A partner client was suspended, and why.' },
      [PartnerClientEvent.Reinstated]: { description: 'A suspended partner client was reinstated.' },
    },
  },
  exports: [PartnerClientService, PARTNER_CLIENT_POLICY],
  console: { routes: [{ path: 'integrations/clients', title: { en: 'API clients', cy: 'Cleientiaid API' }, roles: [Role.TenantAdmin] }] },
})
export class PartnerClientsModule {}
