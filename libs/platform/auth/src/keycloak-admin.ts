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
