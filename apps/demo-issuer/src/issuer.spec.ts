import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startDemoIssuer, type DemoIssuer } from './issuer';

const CONSOLE_URL = 'http://localhost:4200';
const TENANTS_DIR = join(__dirname, '../../../tenants');

/**
 * Drives the browser's side of sign-in with fetch: follows redirects by hand so it can keep the issuer's cookies
 * and stop at the console's callback, and posts the login form as a person would.
 */
class SignInBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly issuerUrl: string) {}

  async get(url: string): Promise<Response> {
    return this.request(url, { method: 'GET' });
  }

  async postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects within the issuer; returns the first response that is not one, or the console URL. */
  async follow(response: Response): Promise<Response | URL> {
    while (response.status >= 300 && response.status < 400) {
      const location = new URL(response.headers.get('location') ?? '', response.url || this.issuerUrl);
      if (location.origin === new URL(CONSOLE_URL).origin) return location;
      response = await this.get(location.href);
    }
    return response;
  }

  private async request(url: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(new URL(url, this.issuerUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const separator = pair.indexOf('=');
      this.cookies.set(pair.slice(0, separator), pair.slice(separator + 1));
    }
    return response;
  }
}

function loginFormAction(html: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`No login form in:\n${html}`);
  return action;
}

describe('demo issuer', () => {
  let issuer: DemoIssuer;

  beforeAll(async () => {
    issuer = await startDemoIssuer({ port: 0, consoleUrl: CONSOLE_URL, tenantsDir: TENANTS_DIR });
  });

  afterAll(() => issuer?.close());

  it('listens on a free port with a Keycloak-shaped issuer URL', () => {
    expect(issuer.issuerUrl).toMatch(/^http:\/\/localhost:\d+\/realms\/hearth$/);
    expect(issuer.issuerUrl).not.toContain(':0/');
  });

  it('publishes discovery with Keycloak routes', async () => {
    const response = await fetch(`${issuer.issuerUrl}/.well-known/openid-configuration`);
    const discovery = await response.json();

    expect(discovery).toMatchObject({
      issuer: issuer.issuerUrl,
      authorization_endpoint: `${issuer.issuerUrl}/protocol/openid-connect/auth`,
      token_endpoint: `${issuer.issuerUrl}/protocol/openid-connect/token`,
      jwks_uri: `${issuer.issuerUrl}/protocol/openid-connect/certs`,
      userinfo_endpoint: `${issuer.issuerUrl}/protocol/openid-connect/userinfo`,
      end_session_endpoint: `${issuer.issuerUrl}/protocol/openid-connect/logout`,
    });
    expect(discovery.code_challenge_methods_supported).toContain('S256');
  });

  it('publishes one RS256 signing key to the console origin', async () => {
    const response = await fetch(`${issuer.issuerUrl}/protocol/openid-connect/certs`, {
      headers: { origin: CONSOLE_URL },
    });
    const { keys } = await response.json();

    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect(keys[0]).not.toHaveProperty('d');
    expect(response.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('turns every admin in the member manifests into a demo user, plus the consortium admin and a guest organisation’s officer', () => {
    expect(issuer.users.map((user) => [user.username, user.organization ?? null, user.roles])).toEqual([
      ['alex.morgan@hearth.example', null, ['consortium-admin']],
      ['ffion.evans@aber-housing.example', 'aber-housing', ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer']],
      ['sam.patel@millbrook-homes.example', 'millbrook-homes', ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer']],
      ['morag.campbell@thistle-housing.example', 'thistle-housing', ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer']],
      ['rhian.lloyd@cardiff-council.example', 'cardiff-council', ['guest']],
    ]);
  });

  describe('authorization code flow with PKCE', () => {
    async function signIn(username: string, password: string) {
      const browser = new SignInBrowser(issuer.issuerUrl);
      const verifier = randomBytes(32).toString('base64url');
      const authorize = new URL(`${issuer.issuerUrl}/protocol/openid-connect/auth`);
      authorize.search = new URLSearchParams({
        client_id: 'hearth-console',
        response_type: 'code',
        redirect_uri: `${CONSOLE_URL}/auth/callback`,
        scope: 'openid profile email organization',
        state: 'state-1',
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();

      const loginPage = await browser.follow(await browser.get(authorize.href));
      if (loginPage instanceof URL) throw new Error('Signed in without a login page');
      const html = await loginPage.text();
      const submitted = await browser.postForm(loginFormAction(html), { username, password });
      return { browser, verifier, loginPageHtml: html, submitted };
    }

    async function exchange(callback: URL, verifier: string) {
      const response = await fetch(`${issuer.issuerUrl}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: CONSOLE_URL },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: 'hearth-console',
          code: callback.searchParams.get('code') ?? '',
          redirect_uri: `${CONSOLE_URL}/auth/callback`,
          code_verifier: verifier,
        }),
      });
      return { response, tokens: await response.json() };
    }

    it('signs a member admin in and issues a Keycloak-shaped JWT access token for the API', async () => {
      const { browser, verifier, loginPageHtml, submitted } = await signIn('ffion.evans@aber-housing.example', 'demo');
      expect(loginPageHtml).toContain('<label for="username">');
      expect(loginPageHtml).toContain('<label for="password">');

      const callback = await browser.follow(submitted);
      expect(callback).toBeInstanceOf(URL);
      expect((callback as URL).pathname).toBe('/auth/callback');
      expect((callback as URL).searchParams.get('state')).toBe('state-1');

      const { response, tokens } = await exchange(callback as URL, verifier);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(CONSOLE_URL);
      expect(tokens).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String), refresh_token: expect.any(String) });

      const jwks = createRemoteJWKSet(new URL(`${issuer.issuerUrl}/protocol/openid-connect/certs`));
      const { payload } = await jwtVerify(tokens.access_token, jwks, {
        issuer: issuer.issuerUrl,
        audience: 'hearth-api',
        algorithms: ['RS256'],
      });
      expect(decodeProtectedHeader(tokens.access_token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(payload).toMatchObject({
        iss: issuer.issuerUrl,
        sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        aud: ['hearth-api'],
        azp: 'hearth-console',
        typ: 'Bearer',
        exp: expect.any(Number),
        iat: expect.any(Number),
        realm_access: { roles: ['tenant-admin', 'housing-officer', 'repairs-planner', 'income-officer'] },
        organization: ['aber-housing'],
        preferred_username: 'ffion.evans@aber-housing.example',
        name: 'Ffion Evans',
        email: 'ffion.evans@aber-housing.example',
      });
      expect(String(payload.scope).split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
      // The API reads client_id as "a partner's service account" (as in Keycloak); a person's token has none.
      expect(payload).not.toHaveProperty('client_id');

      const { payload: idToken } = await jwtVerify(tokens.id_token, jwks, { issuer: issuer.issuerUrl, audience: 'hearth-console' });
      expect(idToken).toMatchObject({ name: 'Ffion Evans', email: 'ffion.evans@aber-housing.example', organization: ['aber-housing'] });
    });

    it('gives the consortium admin a token with their role and no organization', async () => {
      const { browser, verifier, submitted } = await signIn('Alex.Morgan@hearth.example', 'demo');
      const callback = (await browser.follow(submitted)) as URL;
      const { tokens } = await exchange(callback, verifier);

      const jwks = createRemoteJWKSet(new URL(`${issuer.issuerUrl}/protocol/openid-connect/certs`));
      const { payload } = await jwtVerify(tokens.access_token, jwks, { issuer: issuer.issuerUrl, audience: 'hearth-api' });
      expect(payload.realm_access).toEqual({ roles: ['consortium-admin'] });
      expect(payload).not.toHaveProperty('organization');
    });

    it('refreshes into another API access token, as the console does to stay signed in', async () => {
      const { browser, verifier, submitted } = await signIn('sam.patel@millbrook-homes.example', 'demo');
      const { tokens } = await exchange((await browser.follow(submitted)) as URL, verifier);

      const response = await fetch(`${issuer.issuerUrl}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        // oidc-client-ts repeats the granted scope when it refreshes.
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: 'hearth-console',
          refresh_token: tokens.refresh_token,
          scope: 'openid profile email organization',
        }),
      });
      const refreshed = await response.json();

      expect(response.status).toBe(200);
      const jwks = createRemoteJWKSet(new URL(`${issuer.issuerUrl}/protocol/openid-connect/certs`));
      const { payload } = await jwtVerify(refreshed.access_token, jwks, { issuer: issuer.issuerUrl, audience: 'hearth-api' });
      expect(payload).toMatchObject({ organization: ['millbrook-homes'], typ: 'Bearer' });
    });

    it('refuses a wrong password with a clear message and no redirect', async () => {
      const { submitted } = await signIn('ffion.evans@aber-housing.example', 'not-the-password');

      expect(submitted.status).toBe(401);
      const html = await submitted.text();
      expect(html).toContain('role="alert"');
      expect(html).toContain('The username or password is incorrect.');
      // The username is kept so only the password needs typing again.
      expect(html).toContain('value="ffion.evans@aber-housing.example"');
    });

    it('refuses an unknown user the same way, so usernames cannot be probed', async () => {
      const { submitted } = await signIn('nobody@hearth.example', 'demo');

      expect(submitted.status).toBe(401);
      expect(await submitted.text()).toContain('The username or password is incorrect.');
    });

    it('refuses a code exchange without the PKCE verifier', async () => {
      const { browser, submitted } = await signIn('sam.patel@millbrook-homes.example', 'demo');
      const callback = (await browser.follow(submitted)) as URL;

      const { response, tokens } = await exchange(callback, randomBytes(32).toString('base64url'));
      expect(response.status).toBe(400);
      expect(tokens.error).toBe('invalid_grant');
    });
  });
});

describe('demo issuer in production', () => {
  const saved = { NODE_ENV: process.env['NODE_ENV'], HEARTH_ENV: process.env['HEARTH_ENV'] };

  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it.each(['NODE_ENV', 'HEARTH_ENV'])('refuses to start when %s is production', async (name) => {
    process.env[name] = 'production';

    await expect(startDemoIssuer({ port: 0, consoleUrl: CONSOLE_URL, tenantsDir: TENANTS_DIR })).rejects.toThrow(
      `The demo issuer refuses to start because ${name}=production`,
    );
  });
});
