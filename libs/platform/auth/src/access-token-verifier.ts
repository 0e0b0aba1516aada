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

export interface VerifiedTokenCacheOptions {
  /** Most tokens kept; the least recently used goes first. */
  maxEntries?: number;
  /** Longest a verdict is reused, whatever the token's expiry, in ms. */
  maxAgeMs?: number;
  /** The clock, in ms since the epoch (tests replace it). */
  now?: () => number;
}

/**
 * Remembers the claims of tokens another verifier accepted, keyed by the whole raw token, until
 * the token's `exp` (or `maxAgeMs`, if sooner), so a client that sends the same token with every
 * request pays for the RS256 signature once rather than per request. Only accepted tokens are
 * kept: a refused one (forged, tampered, expired) is checked again every time it comes, and a
 * token changed by a single character is a different key, so it is verified from scratch. Once
 * `exp` has passed the entry is dropped and the inner verifier refuses the token as it always did.
 * Concurrent first requests with one token share one verification. The claims are frozen, since
 * every request with the token gets the same object.
 */
export class CachingAccessTokenVerifier extends AccessTokenVerifier {
  private readonly entries = new Map<string, { claims: AccessTokenClaims; expiresAt: number }>();
  private readonly pending = new Map<string, Promise<AccessTokenClaims>>();
  private readonly maxEntries: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: AccessTokenVerifier,
    options: VerifiedTokenCacheOptions = {},
  ) {
    super();
    this.maxEntries = options.maxEntries ?? 1_000;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
    this.now = options.now ?? (() => Date.now());
  }

  /** How many verified tokens are kept now. */
  get size(): number {
    return this.entries.size;
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    const entry = this.entries.get(token);
    if (entry) {
      this.entries.delete(token);
      if (entry.expiresAt > this.now()) {
        this.entries.set(token, entry); // now the most recently used
        return entry.claims;
      }
    }
    let verifying = this.pending.get(token);
    if (!verifying) {
      verifying = this.inner.verify(token).then(
        (claims) => {
          this.pending.delete(token);
          return this.remember(token, claims);
        },
        (error: unknown) => {
          this.pending.delete(token);
          throw error;
        },
      );
      this.pending.set(token, verifying);
    }
    return verifying;
  }

  private remember(token: string, claims: AccessTokenClaims): AccessTokenClaims {
    const frozen = deepFreeze(claims);
    const now = this.now();
    const expiresAt = Math.min(frozen.exp * 1000, now + this.maxAgeMs);
    if (expiresAt <= now || this.maxEntries <= 0) return frozen;
    this.entries.set(token, { claims: frozen, expiresAt });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return frozen;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
