import type { Provider } from '@nestjs/common';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { connectKeycloakAdmin, ensureKeycloakOrganization } from '@hearth/platform-auth';
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
 * have, whose tokens name its alias; platform-auth's `ensureKeycloakOrganization` does the work
 * for members' onboarding and for guests alike.
 */
export abstract class GuestIdentityDirectory {
  abstract ensureOrganization(guest: GuestIdentity): Promise<GuestIdentityStep>;
}

const NOT_CONFIGURED = 'Keycloak admin credentials are not configured (KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET)';

export class KeycloakGuestDirectory extends GuestIdentityDirectory {
  private connection?: Promise<KeycloakAdminClient>;

  constructor(private readonly config: Pick<HearthConfig, 'auth' | 'consoleUrl'>) {
    super();
  }

  async ensureOrganization(guest: GuestIdentity): Promise<GuestIdentityStep> {
    this.connection ??= connectKeycloakAdmin(this.config.auth, this.config.auth.admin!);
    const outcome = await ensureKeycloakOrganization(await this.connection, guest, this.config.consoleUrl);
    return outcome === 'created'
      ? { outcome, detail: `created organization ${guest.alias}; give its people the realm role "guest"` }
      : { outcome, detail: `organization ${guest.alias} exists` };
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
