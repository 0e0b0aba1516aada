import type { Provider } from '@nestjs/common';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { connectKeycloakAdmin } from '@hearth/platform-auth';
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

type Organization = Awaited<ReturnType<KeycloakAdminClient['organizations']['find']>>[number];

/** How many organizations to ask Keycloak for at a time while looking for an alias. */
const PAGE_SIZE = 100;

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
    const client = await this.client();
    if (await this.findOrganization(client, organization.alias)) {
      return { outcome: 'unchanged', detail: `organization ${organization.alias} exists` };
    }
    await client.organizations.create({
      name: organization.name,
      alias: organization.alias,
      enabled: true,
      // Where an invited admin lands after accepting: the console, not Keycloak's account page.
      redirectUrl: this.config.consoleUrl,
      domains: organization.domains.map((name) => ({ name, verified: false })),
    });
    return { outcome: 'created', detail: `created organization ${organization.alias}` };
  }

  async inviteAdmin(organizationAlias: string, admin: ManifestAdmin): Promise<IdentityStep> {
    const client = await this.client();
    const organization = await this.findOrganization(client, organizationAlias);
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

  /**
   * Keycloak's organization search matches names and domains but not aliases, so the alias is
   * looked for page by page; a consortium has hundreds of members, not hundreds of thousands.
   */
  private async findOrganization(client: KeycloakAdminClient, alias: string): Promise<Organization | undefined> {
    for (let first = 0; ; first += PAGE_SIZE) {
      const page = await client.organizations.find({ first, max: PAGE_SIZE });
      const found = page.find((organization) => organization.alias === alias);
      if (found || page.length < PAGE_SIZE) return found;
    }
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
