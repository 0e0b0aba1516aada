import type { Provider } from '@nestjs/common';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { connectKeycloakAdmin } from '@hearth/platform-auth';
import { HEARTH_CONFIG, type HearthConfig } from '@hearth/platform-core';

/** What inviting a guest did in the identity directory: `skipped` when Hearth has no admin credentials for it. */
export interface GuestIdentityStep {
  outcome: 'created' | 'unchanged' | 'skipped';
  detail: string;
}

export interface GuestIdentity {
  alias: string;
  name: string;
  domains: readonly string[];
}

/**
 * Where a guest organisation's people sign in: a Keycloak Organization of its own, as members
 * have, whose tokens name its alias. The members module's onboarding keeps members' (in the
 * consortium scope, which this one may not use); this is the same step for guests.
 */
export abstract class GuestIdentityDirectory {
  abstract ensureOrganization(guest: GuestIdentity): Promise<GuestIdentityStep>;
}

const NOT_CONFIGURED = 'Keycloak admin credentials are not configured (KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET)';
const PAGE_SIZE = 100;

export class KeycloakGuestDirectory extends GuestIdentityDirectory {
  private connection?: Promise<KeycloakAdminClient>;

  constructor(private readonly config: Pick<HearthConfig, 'auth' | 'consoleUrl'>) {
    super();
  }

  async ensureOrganization(guest: GuestIdentity): Promise<GuestIdentityStep> {
    this.connection ??= connectKeycloakAdmin(this.config.auth, this.config.auth.admin!);
    const client = await this.connection;
    // Keycloak's search matches names and domains, not aliases: look page by page.
    for (let first = 0; ; first += PAGE_SIZE) {
      const page = await client.organizations.find({ first, max: PAGE_SIZE });
      if (page.some((organization) => organization.alias === guest.alias)) return { outcome: 'unchanged', detail: `organization ${guest.alias} exists` };
      if (page.length < PAGE_SIZE) break;
    }
    await client.organizations.create({
      name: guest.name,
      alias: guest.alias,
      enabled: true,
      redirectUrl: this.config.consoleUrl,
      domains: guest.domains.map((name) => ({ name, verified: false })),
    });
    return { outcome: 'created', detail: `created organization ${guest.alias}; give its people the realm role "guest"` };
  }
}

export class NoGuestDirectory extends GuestIdentityDirectory {
  async ensureOrganization(guest: GuestIdentity): Promise<GuestIdentityStep> {
    return { outcome: 'skipped', detail: `skipped organization ${guest.alias}: ${NOT_CONFIGURED}` };
  }
}

export const guestIdentityDirectoryProvider: Provider = {
  provide: GuestIdentityDirectory,
  inject: [HEARTH_CONFIG],
  useFactory: (config: HearthConfig): GuestIdentityDirectory => (config.auth.admin ? new KeycloakGuestDirectory(config) : new NoGuestDirectory()),
};
