import type { Provider } from '@nestjs/common';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { connectKeycloakAdmin, ensureKeycloakOrganization, findKeycloakOrganization } from '@hearth/platform-auth';
import { HEARTH_CONFIG, HearthError, type HearthConfig } from '@hearth/platform-core';
import type { ManifestAdmin } from './member-manifest';

export interface IdentityOrganization {
  /** The organization's alias: what staff tokens name and what the member registry stores. */
  alias: string;
  name: string;
  domains: readonly string[];
}

/** `unchanged` means the step found its work already done; `skipped` that it could not look. */
export type IdentityOutcome = 'created' | 'invited' | 'unchanged' | 'skipped';

export interface IdentityStep {
  outcome: IdentityOutcome;
  /** What was done or found, for a person to read. */
  detail: string;
}

/**
 * Where member organisations and their people live: Keycloak in a deployment, nothing in a
 * demo or test that has no admin credentials. Every step checks before it acts, so running it
 * again does nothing and running it after a half-finished run completes it.
 */
export abstract class IdentityDirectory {
  abstract ensureOrganization(organization: IdentityOrganization): Promise<IdentityStep>;
  abstract inviteAdmin(organizationAlias: string, admin: ManifestAdmin): Promise<IdentityStep>;
}

/**
 * Keycloak Organizations through `@keycloak/keycloak-admin-client`, signed in with the
 * client-credentials grant of a confidential client whose service account holds realm-management
 * `manage-realm` and `manage-users`.
 */
export class KeycloakIdentityDirectory extends IdentityDirectory {
  private connection?: Promise<KeycloakAdminClient>;

  constructor(
    private readonly config: Pick<HearthConfig, 'auth' | 'consoleUrl'>,
    private readonly credentials: NonNullable<HearthConfig['auth']['admin']>,
  ) {
    super();
  }

  async ensureOrganization(organization: IdentityOrganization): Promise<IdentityStep> {
    const outcome = await ensureKeycloakOrganization(await this.client(), organization, this.config.consoleUrl);
    return { outcome, detail: outcome === 'created' ? `created organization ${organization.alias}` : `organization ${organization.alias} exists` };
  }

  async inviteAdmin(organizationAlias: string, admin: ManifestAdmin): Promise<IdentityStep> {
    const client = await this.client();
    const organization = await findKeycloakOrganization(client, organizationAlias);
    if (!organization?.id) {
      throw new HearthError('NOT_FOUND', `Keycloak has no organization "${organizationAlias}" to invite ${admin.email} to`);
    }
    const orgId = organization.id;
    const email = admin.email.toLowerCase();
    // `search` matches parts of names and e-mails, so the exact address is compared here.
    const members = await client.organizations.listMembers({ orgId, search: email });
    if (members.some((member) => member.email?.toLowerCase() === email)) {
      return { outcome: 'unchanged', detail: `${admin.email} is already a member of ${organizationAlias}` };
    }
    const pending = await client.organizations.listInvitations({ orgId, email, status: 'PENDING' });
    if (pending.some((invitation) => invitation.email?.toLowerCase() === email)) {
      return { outcome: 'unchanged', detail: `${admin.email} already has a pending invitation to ${organizationAlias}` };
    }
    const form = new FormData();
    form.set('email', admin.email);
    form.set('first-name', admin.firstName);
    form.set('last-name', admin.lastName);
    await client.organizations.invite({ orgId }, form);
    return { outcome: 'invited', detail: `invited ${admin.email} to ${organizationAlias}` };
  }

  private client(): Promise<KeycloakAdminClient> {
    this.connection ??= this.connect();
    return this.connection;
  }

  private connect(): Promise<KeycloakAdminClient> {
    return connectKeycloakAdmin(this.config.auth, this.credentials);
  }
}

export const KEYCLOAK_ADMIN_NOT_CONFIGURED =
  'Keycloak admin credentials are not configured (set KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET)';

/**
 * Stands in when no Keycloak admin credentials are configured (the demo, tests, a deployment
 * that manages Keycloak by hand): every step is reported as skipped, so the operator sees what
 * was not done instead of assuming it was.
 */
export class NoIdentityDirectory extends IdentityDirectory {
  async ensureOrganization(organization: IdentityOrganization): Promise<IdentityStep> {
    return { outcome: 'skipped', detail: `skipped organization ${organization.alias}: ${KEYCLOAK_ADMIN_NOT_CONFIGURED}` };
  }

  async inviteAdmin(organizationAlias: string, admin: ManifestAdmin): Promise<IdentityStep> {
    return { outcome: 'skipped', detail: `skipped inviting ${admin.email} to ${organizationAlias}: ${KEYCLOAK_ADMIN_NOT_CONFIGURED}` };
  }
}

export const identityDirectoryProvider: Provider = {
  provide: IdentityDirectory,
  inject: [HEARTH_CONFIG],
  useFactory: (config: HearthConfig): IdentityDirectory =>
    config.auth.admin ? new KeycloakIdentityDirectory(config, config.auth.admin) : new NoIdentityDirectory(),
};
