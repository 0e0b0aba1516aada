import { generateKeyPairSync, createSign, randomUUID, type KeyObject } from 'node:crypto';

/** Keycloak's access-token claims, loosely: tests also need to write the wrong ones. */
type Claims = Record<string, unknown>;

export const TEST_KEYCLOAK_URL = 'http://keycloak.test';
export const TEST_REALM = 'hearth';
export const TEST_AUDIENCE = 'hearth-api';
export const TEST_ISSUER = `${TEST_KEYCLOAK_URL}/realms/${TEST_REALM}`;
const KEY_ID = 'hearth-test-key';

/**
 * Signs Keycloak-shaped access tokens with an RSA key generated when the test file starts,
 * so no test needs a Keycloak server and no key is ever committed.
 */
export class TestTokens {
  private readonly privateKey: KeyObject;
  /** Base64 SPKI, the form Keycloak shows as the realm public key. */
  readonly realmPublicKey: string;
  /** The same key as Keycloak publishes it in its JWKS. */
  readonly publicJwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.realmPublicKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    this.publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' };
  }

  /** Environment for testConfig() that makes the API trust these tokens. */
  get env(): Record<string, string> {
    return {
      KEYCLOAK_URL: TEST_KEYCLOAK_URL,
      KEYCLOAK_REALM: TEST_REALM,
      KEYCLOAK_AUDIENCE: TEST_AUDIENCE,
      KEYCLOAK_REALM_PUBLIC_KEY: this.realmPublicKey,
    };
  }

  /** A staff member's token for an organisation, with the given realm roles. */
  user(organization: string | null, roles: string[], overrides: Claims = {}): string {
    return this.sign({
      sub: randomUUID(),
      azp: 'hearth-console',
      preferred_username: 'test.user',
      name: 'Test User',
      email: 'test.user@example.test',
      realm_access: { roles },
      ...(organization ? { organization: [organization] } : {}),
      scope: 'openid profile email organization',
      ...overrides,
    });
  }

  /** A partner's client-credentials token for one member, with OAuth scopes. */
  partner(clientId: string, organization: string, scopes: string[], overrides: Claims = {}): string {
    return this.sign({
      sub: randomUUID(),
      azp: clientId,
      client_id: clientId,
      preferred_username: `service-account-${clientId}`,
      organization: [organization],
      scope: scopes.join(' '),
      realm_access: { roles: [] },
      ...overrides,
    });
  }

  /** Signs arbitrary claims over Keycloak's defaults; pass a key to forge a signature. */
  sign(claims: Claims, key: KeyObject = this.privateKey): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', typ: 'JWT', kid: KEY_ID };
    const body = { iss: TEST_ISSUER, aud: TEST_AUDIENCE, typ: 'Bearer', iat: now, exp: now + 300, ...claims };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signed = `${encode(header)}.${encode(body)}`;
    const signature = createSign('RSA-SHA256').update(signed).sign(key).toString('base64url');
    return `${signed}.${signature}`;
  }
}
