import { randomBytes } from 'node:crypto';
import type { Provider } from '@nestjs/common';
import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import { connectKeycloakAdmin } from '@hearth/platform-auth';
import { HEARTH_CONFIG, HearthError, type HearthConfig } from '@hearth/platform-core';

/** What a partner client is in the identity provider. */
export interface PartnerClientSpec {
  /** The OAuth client id, `<member slug>-<name slug>`. */
  clientId: string;
  name: string;
  description: string;
  /** The member's Keycloak organization alias: every token of the client carries exactly it. */
  organization: string;
  scopes: readonly string[];
}

export interface IssuedSecret {
  secret: string;
  /** Something the admin must be told with the secret, or null. */
  notice: string | null;
}

/**
 * Where partner clients live: Keycloak in a deployment, Hearth's own table only in the demo and
 * tests (no admin credentials). Every call is idempotent: repeating it after a failure finishes it.
 */
export abstract class PartnerClientDirectory {
  abstract readonly kind: 'keycloak' | 'local';
  /** The token endpoint partners use (client-credentials grant). */
  abstract readonly tokenEndpoint: string;
  abstract createClient(spec: PartnerClientSpec): Promise<IssuedSecret>;
  /** Brings the client's scopes, names and claims in line with `spec`. */
  abstract updateClient(spec: PartnerClientSpec): Promise<void>;
  abstract setEnabled(clientId: string, enabled: boolean): Promise<void>;
  /** A new secret; the previous one stops working at once. */
  abstract regenerateSecret(clientId: string): Promise<IssuedSecret>;
}

const ORGANIZATION_MAPPER = 'hearth-organization';
const AUDIENCE_MAPPER = 'hearth-audience';
/** Scopes Hearth manages on a client are the modules' `area:action` names; Keycloak's own (profile, email...) are left alone. */
const HEARTH_SCOPE = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

type ClientRepresentation = NonNullable<Awaited<ReturnType<KeycloakAdminClient['clients']['findOne']>>>;

export function tokenEndpointOf(auth: HearthConfig['auth']): string {
  return `${auth.keycloakUrl}/realms/${auth.realm}/protocol/openid-connect/token`;
}

/**
 * Partner clients as Keycloak confidential clients, through `@keycloak/keycloak-admin-client`
 * signed in as the admin client (its service account needs realm-management `manage-clients`):
 * client-credentials only, a hardcoded `organization: ["<member>"]` claim and the API's audience
 * in every access token, and the granted scopes as default client scopes, so the token's
 * `scope` claim carries them without the partner asking.
 */
export class KeycloakPartnerClientDirectory extends PartnerClientDirectory {
  readonly kind = 'keycloak' as const;
  readonly tokenEndpoint: string;
  private connection?: Promise<KeycloakAdminClient>;

  constructor(
    private readonly auth: HearthConfig['auth'],
    private readonly credentials: NonNullable<HearthConfig['auth']['admin']>,
  ) {
    super();
    this.tokenEndpoint = tokenEndpointOf(auth);
  }

  async createClient(spec: PartnerClientSpec): Promise<IssuedSecret> {
    const client = await this.client();
    const existing = await this.find(client, spec.clientId);
    if (!existing) await client.clients.create({ clientId: spec.clientId, ...this.representation(spec) });
    await this.updateClient(spec);
    return this.regenerateSecret(spec.clientId);
  }

  async updateClient(spec: PartnerClientSpec): Promise<void> {
    const client = await this.client();
    const found = await this.require(client, spec.clientId);
    const id = found.id!;
    await client.clients.update({ id }, { ...found, ...this.representation(spec), enabled: found.enabled });
    await this.ensureMappers(client, id, spec.organization);
    await this.ensureScopes(client, id, spec.scopes);
  }

  async setEnabled(clientId: string, enabled: boolean): Promise<void> {
    const client = await this.client();
    const found = await this.require(client, clientId);
    await client.clients.update({ id: found.id! }, { ...found, enabled });
  }

  async regenerateSecret(clientId: string): Promise<IssuedSecret> {
    const client = await this.client();
    const found = await this.require(client, clientId);
    const credential = await client.clients.generateNewClientSecret({ id: found.id! });
    if (!credential?.value) throw new HearthError('INTERNAL', `Keycloak issued no secret for ${clientId}`);
    return { secret: credential.value, notice: null };
  }

  private representation(spec: PartnerClientSpec) {
    return {
      name: spec.name,
      description: spec.description,
      protocol: 'openid-connect',
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      clientAuthenticatorType: 'client-secret',
      // Hearth's own marker, so an operator can tell partner clients from the rest of the realm.
      attributes: { 'hearth.partner': 'true', 'hearth.organization': spec.organization },
    };
  }

  private async ensureMappers(client: KeycloakAdminClient, id: string, organization: string): Promise<void> {
    const wanted = [
      {
        name: ORGANIZATION_MAPPER,
        protocol: 'openid-connect',
        protocolMapper: 'oidc-hardcoded-claim-mapper',
        config: {
          'claim.name': 'organization',
          'claim.value': JSON.stringify([organization]),
          'jsonType.label': 'JSON',
          multivalued: 'true',
          'access.token.claim': 'true',
          'id.token.claim': 'false',
          'userinfo.token.claim': 'false',
          'introspection.token.claim': 'true',
        },
      },
      {
        name: AUDIENCE_MAPPER,
        protocol: 'openid-connect',
        protocolMapper: 'oidc-audience-mapper',
        config: {
          'included.custom.audience': this.auth.audience,
          'access.token.claim': 'true',
          'id.token.claim': 'false',
          'introspection.token.claim': 'true',
        },
      },
    ];
    const existing = await client.clients.listProtocolMappers({ id });
    for (const mapper of wanted) {
      const found = existing.find((m) => m.name === mapper.name);
      if (!found) await client.clients.addProtocolMapper({ id }, mapper);
      else if (JSON.stringify(found.config) !== JSON.stringify(mapper.config)) {
        await client.clients.updateProtocolMapper({ id, mapperId: found.id! }, { ...found, ...mapper });
      }
    }
  }

  private async ensureScopes(client: KeycloakAdminClient, id: string, scopes: readonly string[]): Promise<void> {
    const realmScopes = await client.clientScopes.find();
    const current = await client.clients.listDefaultClientScopes({ id });
    for (const scope of scopes) {
      let realmScope = realmScopes.find((s) => s.name === scope);
      if (!realmScope) {
        await client.clientScopes.create({
          name: scope,
          protocol: 'openid-connect',
          description: `Hearth partner scope ${scope}`,
          attributes: { 'include.in.token.scope': 'true', 'display.on.consent.screen': 'false' },
        });
        realmScope = await client.clientScopes.findOneByName({ name: scope });
      }
      if (!current.some((s) => s.name === scope)) {
        await client.clients.addDefaultClientScope({ id, clientScopeId: realmScope!.id! });
      }
    }
    for (const stale of current.filter((s) => HEARTH_SCOPE.test(s.name ?? '') && !scopes.includes(s.name!))) {
      await client.clients.delDefaultClientScope({ id, clientScopeId: stale.id! });
    }
  }

  private async find(client: KeycloakAdminClient, clientId: string): Promise<ClientRepresentation | undefined> {
    const found = await client.clients.find({ clientId, search: false });
    return found.find((c) => c.clientId === clientId);
  }

  private async require(client: KeycloakAdminClient, clientId: string): Promise<ClientRepresentation> {
    const found = await this.find(client, clientId);
    if (!found?.id) throw new HearthError('NOT_FOUND', `Keycloak has no client "${clientId}"`);
    return found;
  }

  private client(): Promise<KeycloakAdminClient> {
    this.connection ??= this.connect();
    return this.connection;
  }

  private connect(): Promise<KeycloakAdminClient> {
    return connectKeycloakAdmin(this.auth, this.credentials);
  }
}

export const LOCAL_DIRECTORY_NOTICE =
  'Keycloak admin credentials are not configured (KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET), so this client ' +
  'is recorded in Hearth only and this secret is not known to Keycloak. Tokens must come from Keycloak: create the ' +
  'confidential client there by hand as docs/partners/clients.md describes, or configure the admin credentials.';

/**
 * Stands in when no Keycloak admin credentials are configured (the demo and tests): Hearth
 * records the client and answers a generated secret, and says plainly that Keycloak knows
 * nothing of it.
 */
export class LocalPartnerClientDirectory extends PartnerClientDirectory {
  readonly kind = 'local' as const;
  readonly tokenEndpoint: string;

  constructor(auth: HearthConfig['auth']) {
    super();
    this.tokenEndpoint = tokenEndpointOf(auth);
  }

  async createClient(): Promise<IssuedSecret> {
    return { secret: generateSecret(), notice: LOCAL_DIRECTORY_NOTICE };
  }

  async updateClient(): Promise<void> {
    // Nothing outside Hearth to bring in line.
  }

  async setEnabled(): Promise<void> {
    // Enforced by Hearth itself: the access guard refuses a suspended client's tokens.
  }

  async regenerateSecret(): Promise<IssuedSecret> {
    return { secret: generateSecret(), notice: LOCAL_DIRECTORY_NOTICE };
  }
}

function generateSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Chosen by configuration exactly as the members module's identity directory is. */
export const partnerClientDirectoryProvider: Provider = {
  provide: PartnerClientDirectory,
  inject: [HEARTH_CONFIG],
  useFactory: (config: HearthConfig): PartnerClientDirectory =>
    config.auth.admin ? new KeycloakPartnerClientDirectory(config.auth, config.auth.admin) : new LocalPartnerClientDirectory(config.auth),
};
