import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { loadConfig } from '@hearth/platform-core';
import { AccessTokenVerifier, CachingAccessTokenVerifier, KeycloakAccessTokenVerifier, type AccessTokenClaims } from './access-token-verifier';

// Tokens are signed here with a key of this file's own (platform-testing's TestTokens would make
// this library depend on the one that depends on it).
const KEYCLOAK_URL = 'http://keycloak.test';
const ISSUER = `${KEYCLOAK_URL}/realms/hearth`;

function keyPair(): { privateKey: KeyObject; realmPublicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, realmPublicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64') };
}

const realm = keyPair();
const forger = keyPair();

function sign(claims: Record<string, unknown> = {}, key: KeyObject = realm.privateKey): string {
  const now = Math.floor(Date.now() / 1000);
  const body = {
    iss: ISSUER, aud: 'hearth-api', typ: 'Bearer', iat: now, exp: now + 300, sub: randomUUID(), azp: 'hearth-console',
    realm_access: { roles: ['housing-officer'] }, organization: ['aber'], ...claims,
  };
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signed = `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(body)}`;
  return `${signed}.${createSign('RSA-SHA256').update(signed).sign(key).toString('base64url')}`;
}

/** The real verifier, counting how often it is asked. */
class CountingVerifier extends AccessTokenVerifier {
  calls = 0;
  private readonly keycloak = new KeycloakAccessTokenVerifier(
    loadConfig({ KEYCLOAK_URL, KEYCLOAK_REALM: 'hearth', KEYCLOAK_AUDIENCE: 'hearth-api', KEYCLOAK_REALM_PUBLIC_KEY: realm.realmPublicKey }).auth,
  );

  verify(token: string): Promise<AccessTokenClaims> {
    this.calls += 1;
    return this.keycloak.verify(token);
  }
}

describe('CachingAccessTokenVerifier', () => {
  let inner: CountingVerifier;
  let cache: CachingAccessTokenVerifier;

  beforeEach(() => {
    inner = new CountingVerifier();
    cache = new CachingAccessTokenVerifier(inner);
  });

  afterEach(() => jest.restoreAllMocks());

  it('verifies a token once and reuses the verdict while the token lives', async () => {
    const token = sign();
    const first = await cache.verify(token);
    const again = await cache.verify(token);
    expect(again).toBe(first);
    expect(first.realm_access?.roles).toEqual(['housing-officer']);
    expect(inner.calls).toBe(1);
  });

  it('shares one verification between concurrent first requests', async () => {
    const token = sign();
    await Promise.all([cache.verify(token), cache.verify(token), cache.verify(token)]);
    expect(inner.calls).toBe(1);
  });

  it('still refuses a tampered token after the genuine one was cached', async () => {
    const token = sign({ realm_access: { roles: ['housing-officer'] } });
    await cache.verify(token);
    const [header, , signature] = token.split('.');
    const [, body] = sign({ realm_access: { roles: ['consortium-admin'] } }).split('.');
    await expect(cache.verify(`${header}.${body}.${signature}`)).rejects.toThrow(/refused/);
    // A changed signature, too.
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    await expect(cache.verify(flipped)).rejects.toThrow(/refused/);
    expect(cache.size).toBe(1);
  });

  it('refuses a forged token every time, and never keeps it', async () => {
    const forged = sign({}, forger.privateKey);
    await expect(cache.verify(forged)).rejects.toThrow(/refused/);
    await expect(cache.verify(forged)).rejects.toThrow(/refused/);
    expect(inner.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('refuses an expired token', async () => {
    const expired = sign({ exp: Math.floor(Date.now() / 1000) - 1 });
    await expect(cache.verify(expired)).rejects.toThrow(/expired/);
    expect(cache.size).toBe(0);
  });

  it('refuses a cached token once its exp has passed', async () => {
    const now = Date.now();
    const token = sign({ exp: Math.floor(now / 1000) + 60 });
    await cache.verify(token);
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    await expect(cache.verify(token)).rejects.toThrow(/expired/);
    expect(inner.calls).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('checks the token again after maxAgeMs, however long it lives', async () => {
    let clock = Date.now();
    cache = new CachingAccessTokenVerifier(inner, { maxAgeMs: 1_000, now: () => clock });
    const token = sign({ exp: Math.floor(clock / 1000) + 3_600 });
    await cache.verify(token);
    clock += 999;
    await cache.verify(token);
    expect(inner.calls).toBe(1);
    clock += 2;
    await cache.verify(token);
    expect(inner.calls).toBe(2);
  });

  it('keeps at most maxEntries tokens, dropping the least recently used', async () => {
    cache = new CachingAccessTokenVerifier(inner, { maxEntries: 2 });
    const [a, b, c] = [sign(), sign(), sign()];
    await cache.verify(a);
    await cache.verify(b);
    await cache.verify(a); // a is now the most recently used
    await cache.verify(c); // so b goes
    expect(cache.size).toBe(2);
    expect(inner.calls).toBe(3);
    await cache.verify(a);
    expect(inner.calls).toBe(3);
    await cache.verify(b);
    expect(inner.calls).toBe(4);
  });

  it('hands out frozen claims, so no request can change what the next one sees', async () => {
    const claims = await cache.verify(sign());
    expect(Object.isFrozen(claims)).toBe(true);
    expect(Object.isFrozen(claims.realm_access?.roles)).toBe(true);
  });
});
