import Keycloak from 'keycloak-connect';
import type { HearthConfig } from '@hearth/platform-core';
import { HearthError } from '@hearth/platform-core';

/** The claims Hearth reads from a Keycloak access token. */
export interface AccessTokenClaims {
  iss: string;
  sub: string;
  aud?: string | string[];
  azp?: string;
  exp: number;
  iat?: number;
  typ?: string;
  scope?: string;
  preferred_username?: string;
  name?: string;
  email?: string;
  client_id?: string;
  realm_access?: { roles?: string[] };
  /** Keycloak Organizations: a list of aliases, or a map alias → { id } when ids are included. */
  organization?: string[] | Record<string, unknown>;
}

/** Checks a bearer token and returns its claims; the guard depends on this, never on an adapter. */
export abstract class AccessTokenVerifier {
  abstract verify(token: string): Promise<AccessTokenClaims>;
}

/**
 * Validates tokens offline with `keycloak-connect` (bearer-only, RS256): signature, issuer,
 * audience, expiry and type. With a configured realm public key nothing is fetched; without
 * one, keys come from the issuer's JWKS endpoint and are cached by kid.
 *
 * keycloak-connect treats a token without `exp` as unexpiring and does not look at `alg`,
 * so both are checked here as well.
 */
export class KeycloakAccessTokenVerifier extends AccessTokenVerifier {
  private readonly grantManager: {
    createGrant(data: { access_token: string }): Promise<{ access_token: { content: AccessTokenClaims } }>;
  };

  constructor(auth: HearthConfig['auth']) {
    super();
    const keycloak = new Keycloak({}, {
      realm: auth.realm,
      'auth-server-url': auth.keycloakUrl,
      resource: auth.audience,
      'bearer-only': true,
      'verify-token-audience': true,
      'ssl-required': 'external',
      'confidential-port': 0,
      ...(auth.realmPublicKey ? { 'realm-public-key': auth.realmPublicKey } : {}),
    } as unknown as Keycloak.KeycloakConfig);
    this.grantManager = (keycloak as unknown as { grantManager: KeycloakAccessTokenVerifier['grantManager'] }).grantManager;
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const header = decodeHeader(token);
    if (header?.alg !== 'RS256') {
      throw new HearthError('UNAUTHENTICATED', 'The access token is not an RS256-signed JWT');
    }
    let claims: AccessTokenClaims;
    try {
      const grant = await this.grantManager.createGrant({ access_token: token });
      claims = grant.access_token.content;
    } catch (error) {
      // keycloak-connect's reasons ("invalid token (wrong ISS)") are safe and useful to callers.
      const reason = String((error as Error).message).replace(/^Grant validation failed\. Reason: /, '');
      throw new HearthError('UNAUTHENTICATED', `The access token was refused: ${reason}`);
    }
    if (typeof claims.exp !== 'number') {
      throw new HearthError('UNAUTHENTICATED', 'The access token was refused: it has no expiry');
    }
    if (typeof claims.sub !== 'string' && typeof claims.azp !== 'string') {
      throw new HearthError('UNAUTHENTICATED', 'The access token was refused: it names no subject');
    }
    return claims;
  }
}

function decodeHeader(token: string): { alg?: string } | undefined {
  try {
    return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
