import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';

const KEYCLOAK_URL = 'http://keycloak.bench.invalid';
const REALM = 'hearth';
const AUDIENCE = 'hearth-api';
const TOKEN_LIFETIME_S = 3_600;

/**
 * Keycloak-shaped access tokens signed with a key made for this run, so the bench needs no
 * Keycloak: the API under test is told the key (KEYCLOAK_REALM_PUBLIC_KEY) and never fetches
 * one. (The test suite's TestTokens does the same, but test support stays out of the product.)
 */
export class BenchTokens {
  private readonly privateKey: KeyObject;
  private readonly realmPublicKey: string;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.realmPublicKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  }

  /** Environment that makes the API trust these tokens. */
  get env(): Record<string, string> {
    return { KEYCLOAK_URL, KEYCLOAK_REALM: REALM, KEYCLOAK_AUDIENCE: AUDIENCE, KEYCLOAK_REALM_PUBLIC_KEY: this.realmPublicKey };
  }

  /** A staff member of `organization` with realm roles `roles`. */
  staff(organization: string, roles: string[]): string {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: `${KEYCLOAK_URL}/realms/${REALM}`,
      aud: AUDIENCE,
      typ: 'Bearer',
      iat: now,
      exp: now + TOKEN_LIFETIME_S,
      sub: randomUUID(),
      azp: 'hearth-console',
      preferred_username: 'bench.officer',
      name: 'Bench Officer',
      realm_access: { roles },
      organization: [organization],
      scope: 'openid profile email organization',
    };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signed = `${encode({ alg: 'RS256', typ: 'JWT', kid: 'hearth-bench' })}.${encode(claims)}`;
    return `${signed}.${createSign('RSA-SHA256').update(signed).sign(this.privateKey).toString('base64url')}`;
  }
}
