import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@hearth/platform-core';
import { actorFromClaims, KeycloakAccessTokenVerifier } from '@hearth/platform-auth';
import { TestTokens } from './test-tokens';

// The verifier's tests live beside TestTokens rather than in platform-auth: they prove the two
// agree (what the tests sign is what Keycloak signs), and platform-auth then needs nothing from
// this library, which itself needs the kernel (and so platform-auth) to serve test APIs.

/** A loopback stand-in for Keycloak's JWKS endpoint, counting how often keys are fetched. */
describe('KeycloakAccessTokenVerifier with keys from the issuer (JWKS)', () => {
  const tokens = new TestTokens();
  let server: Server;
  let keycloakUrl: string;
  let fetches = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/realms/hearth/protocol/openid-connect/certs') {
        fetches += 1;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ keys: [tokens.publicJwk] }));
      } else {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    keycloakUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const verifier = () => new KeycloakAccessTokenVerifier(loadConfig({ KEYCLOAK_URL: keycloakUrl }).auth);
  const token = (claims = {}) => tokens.user('aber', ['housing-officer'], { iss: `${keycloakUrl}/realms/hearth`, ...claims });

  it('fetches the key by kid and accepts a good token', async () => {
    const claims = await verifier().verify(token());
    expect(claims.realm_access?.roles).toEqual(['housing-officer']);
    expect(fetches).toBeGreaterThan(0);
  });

  it('refuses a token whose kid the issuer does not publish', async () => {
    const [, body, signature] = token().split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'unknown' })).toString('base64url');
    await expect(verifier().verify(`${header}.${body}.${signature}`)).rejects.toThrow(/public key/);
  });

  it('refuses an HS256 token, whatever it claims', async () => {
    const [, body] = token().split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    await expect(verifier().verify(`${header}.${body}.c2ln`)).rejects.toThrow(/not an RS256-signed JWT/);
  });
});

describe('actorFromClaims', () => {
  it('reads a person: roles and organisations (list or id map)', () => {
    const base = { iss: 'i', sub: 's', exp: 1, name: 'Ffion Evans', realm_access: { roles: ['tenant-admin'] } };
    expect(actorFromClaims({ ...base, organization: ['aber'] })).toMatchObject({ kind: 'user', id: 's', roles: ['tenant-admin'], organizations: ['aber'] });
    expect(actorFromClaims({ ...base, organization: { aber: { id: 'x' } } }).organizations).toEqual(['aber']);
  });

  it("reads a partner from a service account's token, with its scopes", () => {
    const actor = actorFromClaims({ iss: 'i', sub: 's', exp: 1, azp: 'contractor', client_id: 'contractor', scope: 'repairs:raise register:read', organization: ['aber'] });
    expect(actor).toMatchObject({ kind: 'partner', id: 'contractor', scopes: ['repairs:raise', 'register:read'] });
  });
});
