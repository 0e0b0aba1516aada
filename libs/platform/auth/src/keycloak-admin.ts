import type KeycloakAdminClient from '@keycloak/keycloak-admin-client';
import type { HearthConfig } from '@hearth/platform-core';

const REQUEST_TIMEOUT_MS = 10_000;

/**
 * A Keycloak admin REST client signed in as Hearth's admin client (client credentials), for
 * the modules that manage Keycloak: organizations and invitations, partner clients.
 */
export async function connectKeycloakAdmin(
  auth: Pick<HearthConfig['auth'], 'keycloakUrl' | 'realm'>,
  credentials: NonNullable<HearthConfig['auth']['admin']>,
): Promise<KeycloakAdminClient> {
  // The package is published only as an ES module. Node 20.19+ can require() it, and importing
  // it here, on first use, keeps it out of every process that never talks to Keycloak.
  const { default: AdminClient } = await import('@keycloak/keycloak-admin-client');
  const options = { baseUrl: auth.keycloakUrl, realmName: auth.realm, timeout: REQUEST_TIMEOUT_MS };
  const client = new AdminClient(options);
  // A client-credentials grant gives no refresh token, so the client's own refresh cannot renew
  // it; instead every request asks this provider, which signs in again once the token is expiring.
  const signer = new AdminClient(options);
  client.registerTokenProvider({
    getAccessToken: async () => {
      if (!signer.accessToken || signer.isTokenExpired()) {
        await signer.auth({ grantType: 'client_credentials', ...credentials });
      }
      return signer.accessToken;
    },
  });
  return client;
}

export type KeycloakOrganization = Awaited<ReturnType<KeycloakAdminClient['organizations']['find']>>[number];

/** How many organizations to ask Keycloak for at a time while looking for an alias. */
const PAGE_SIZE = 100;

/**
 * The organization with this alias, if Keycloak has one. Keycloak's organization search matches
 * names and domains but not aliases, so the alias is looked for page by page; a consortium has
 * hundreds of organizations, not hundreds of thousands.
 */
export async function findKeycloakOrganization(client: KeycloakAdminClient, alias: string): Promise<KeycloakOrganization | undefined> {
  for (let first = 0; ; first += PAGE_SIZE) {
    const page = await client.organizations.find({ first, max: PAGE_SIZE });
    const found = page.find((organization) => organization.alias === alias);
    if (found || page.length < PAGE_SIZE) return found;
  }
}

/**
 * Makes sure Keycloak has an organization for a member or a guest organisation, whose people's
 * tokens then name its alias: `unchanged` when it was already there, `created` otherwise.
 */
export async function ensureKeycloakOrganization(
  client: KeycloakAdminClient,
  organization: { alias: string; name: string; domains: readonly string[] },
  consoleUrl: string,
): Promise<'created' | 'unchanged'> {
  if (await findKeycloakOrganization(client, organization.alias)) return 'unchanged';
  await client.organizations.create({
    name: organization.name,
    alias: organization.alias,
    enabled: true,
    // Where an invited person lands after accepting: the console, not Keycloak's account page.
    redirectUrl: consoleUrl,
    domains: organization.domains.map((name) => ({ name, verified: false })),
  });
  return 'created';
}
