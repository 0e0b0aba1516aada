import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeycloakIdentityDirectory, NoIdentityDirectory } from './identity-directory';

const REALM = 'hearth';
const CLIENT = { clientId: 'hearth-onboarding', clientSecret: 's3cret' };
const ADMIN = { email: 'Ffion.Evans@aber-housing.example', firstName: 'Ffion', lastName: 'Evans' };
const ABER = { alias: 'aber-housing', name: 'Aber Housing Association', domains: ['aber-housing.example'] };

interface Organization {
  id: string;
  alias: string;
  name: string;
  domains?: { name: string }[];
  redirectUrl?: string;
}

/**
 * Plays the few Keycloak admin REST endpoints the adapter calls, on a loopback port, and keeps
 * a log of the calls so the tests can say exactly what was asked of Keycloak.
 */
class FakeKeycloak {
  readonly calls: string[] = [];
  readonly organizations: Organization[] = [];
  readonly members = new Map<string, string[]>();
  readonly invitations = new Map<string, { email: string; firstName: string; lastName: string }[]>();
  tokenLifetimeSeconds = 300;
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://keycloak.test');
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks)));
    });
    this.calls.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    if (req.method === 'POST' && url.pathname === `/realms/${REALM}/protocol/openid-connect/token`) {
      const form = new URLSearchParams(body.toString());
      const expected = `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`;
      if (form.get('grant_type') !== 'client_credentials' || req.headers.authorization !== expected) {
        return send(401, { error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' });
      }
      return send(200, { access_token: this.token(), expires_in: this.tokenLifetimeSeconds, token_type: 'Bearer' });
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) return send(401, { error: 'HTTP 401 Unauthorized' });

    const base = `/admin/realms/${REALM}/organizations`;
    const [, orgId, resource, action] = url.pathname.slice(base.length).split('/');
    if (!url.pathname.startsWith(base)) return send(404, { error: 'Not found' });
    if (!orgId && req.method === 'GET') {
      const first = Number(url.searchParams.get('first') ?? 0);
      const max = Number(url.searchParams.get('max') ?? 10);
      return send(200, this.organizations.slice(first, first + max));
    }
    if (!orgId && req.method === 'POST') {
      const organization = JSON.parse(body.toString()) as Organization;
      if (this.organizations.some((o) => o.alias === organization.alias)) return send(409, { errorMessage: 'A organization with the same alias already exists' });
      const id = `org-${this.organizations.length + 1}`;
      this.organizations.push({ ...organization, id });
      return send(201, undefined, { location: `http://keycloak.test${base}/${id}` });
    }
    if (resource === 'members' && !action && req.method === 'GET') {
      const search = url.searchParams.get('search') ?? '';
      return send(200, (this.members.get(orgId) ?? []).filter((email) => email.includes(search)).map((email) => ({ email })));
    }
    if (resource === 'invitations' && req.method === 'GET') {
      const email = url.searchParams.get('email');
      return send(200, (this.invitations.get(orgId) ?? []).filter((i) => i.email === email).map((i) => ({ ...i, status: 'PENDING' })));
    }
    if (resource === 'members' && action === 'invite-user' && req.method === 'POST') {
      const form = await new Response(new Uint8Array(body), { headers: { 'content-type': req.headers['content-type']! } }).formData();
      const invitation = { email: String(form.get('email')).toLowerCase(), firstName: String(form.get('first-name')), lastName: String(form.get('last-name')) };
      this.invitations.set(orgId, [...(this.invitations.get(orgId) ?? []), invitation]);
      return send(204);
    }
    return send(404, { error: 'Not found' });
  }

  /** A JWT-shaped token: the admin client reads `exp` to decide when to ask again. */
  private token(): string {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) + this.tokenLifetimeSeconds })}.`;
  }
}

let keycloak: FakeKeycloak;
let keycloakUrl: string;
let directory: KeycloakIdentityDirectory;

const directoryFor = (url: string, credentials = CLIENT) =>
  new KeycloakIdentityDirectory(
    { auth: { keycloakUrl: url, realm: REALM, audience: 'hearth-api' }, consoleUrl: 'http://console.test' },
    credentials,
  );

beforeEach(async () => {
  keycloak = new FakeKeycloak();
  keycloakUrl = await keycloak.start();
  directory = directoryFor(keycloakUrl);
});

afterEach(() => keycloak.stop());

describe('KeycloakIdentityDirectory', () => {
  it('signs in with client credentials and creates a missing organization', async () => {
    expect(await directory.ensureOrganization(ABER)).toEqual({ outcome: 'created', detail: 'created organization aber-housing' });
    expect(keycloak.calls).toEqual([
      `POST /realms/${REALM}/protocol/openid-connect/token`,
      `GET /admin/realms/${REALM}/organizations/?first=0&max=100`,
      `POST /admin/realms/${REALM}/organizations/`,
    ]);
    expect(keycloak.organizations).toEqual([
      {
        id: 'org-1',
        alias: 'aber-housing',
        name: 'Aber Housing Association',
        enabled: true,
        redirectUrl: 'http://console.test',
        domains: [{ name: 'aber-housing.example', verified: false }],
      },
    ]);
  });

  it('finds the organization by alias before creating it, so a second run only reads', async () => {
    await directory.ensureOrganization(ABER);
    keycloak.calls.length = 0;
    expect(await directory.ensureOrganization(ABER)).toEqual({ outcome: 'unchanged', detail: 'organization aber-housing exists' });
    expect(keycloak.calls).toEqual([`GET /admin/realms/${REALM}/organizations/?first=0&max=100`]);
  });

  it('looks past the first page of organizations', async () => {
    for (let i = 0; i < 150; i++) keycloak.organizations.push({ id: `other-${i}`, alias: `other-${i}`, name: `Other ${i}` });
    keycloak.organizations.push({ id: 'aber', alias: 'aber-housing', name: 'Aber Housing Association' });
    expect((await directory.ensureOrganization(ABER)).outcome).toBe('unchanged');
    expect(keycloak.calls.filter((call) => call.startsWith('GET'))).toEqual([
      `GET /admin/realms/${REALM}/organizations/?first=0&max=100`,
      `GET /admin/realms/${REALM}/organizations/?first=100&max=100`,
    ]);
  });

  it('invites a first admin once: a pending invitation or a membership is left alone', async () => {
    await directory.ensureOrganization(ABER);
    expect(await directory.inviteAdmin('aber-housing', ADMIN)).toEqual({
      outcome: 'invited',
      detail: 'invited Ffion.Evans@aber-housing.example to aber-housing',
    });
    expect(keycloak.invitations.get('org-1')).toEqual([{ email: 'ffion.evans@aber-housing.example', firstName: 'Ffion', lastName: 'Evans' }]);

    keycloak.calls.length = 0;
    expect((await directory.inviteAdmin('aber-housing', ADMIN)).outcome).toBe('unchanged');
    expect(keycloak.calls).toEqual([
      `GET /admin/realms/${REALM}/organizations/?first=0&max=100`,
      `GET /admin/realms/${REALM}/organizations/org-1/members?search=ffion.evans%40aber-housing.example`,
      `GET /admin/realms/${REALM}/organizations/org-1/invitations?email=ffion.evans%40aber-housing.example&status=PENDING`,
    ]);

    keycloak.invitations.clear();
    keycloak.members.set('org-1', ['ffion.evans@aber-housing.example']);
    expect(await directory.inviteAdmin('aber-housing', ADMIN)).toEqual({
      outcome: 'unchanged',
      detail: 'Ffion.Evans@aber-housing.example is already a member of aber-housing',
    });
    expect(keycloak.calls.filter((call) => call.startsWith('POST'))).toEqual([]);
  });

  it('refuses to invite to an organization Keycloak does not have', async () => {
    await expect(directory.inviteAdmin('aber-housing', ADMIN)).rejects.toThrow('Keycloak has no organization "aber-housing" to invite Ffion.Evans@aber-housing.example to');
  });

  it('keeps its token while it is valid and signs in again when it expires', async () => {
    await directory.ensureOrganization(ABER);
    await directory.ensureOrganization(ABER);
    expect(keycloak.calls.filter((call) => call.includes('/token'))).toHaveLength(1);

    keycloak.tokenLifetimeSeconds = 1; // inside the client's five-second margin: expired at once
    const expiring = directoryFor(keycloakUrl);
    await expiring.ensureOrganization(ABER);
    await expiring.ensureOrganization(ABER);
    expect(keycloak.calls.filter((call) => call.includes('/token'))).toHaveLength(3);
  });

  it("passes on Keycloak's reason when it refuses the credentials", async () => {
    const wrong = directoryFor(keycloakUrl, { ...CLIENT, clientSecret: 'wrong' });
    await expect(wrong.ensureOrganization(ABER)).rejects.toThrow('unauthorized_client');
  });
});

describe('NoIdentityDirectory', () => {
  it('reports every step as skipped, with the settings that would enable it', async () => {
    const none = new NoIdentityDirectory();
    expect(await none.ensureOrganization(ABER)).toEqual({
      outcome: 'skipped',
      detail: expect.stringMatching(/^skipped organization aber-housing: .*KEYCLOAK_ADMIN_CLIENT_ID and KEYCLOAK_ADMIN_CLIENT_SECRET/),
    });
    expect((await none.inviteAdmin('aber-housing', ADMIN)).detail).toMatch(/^skipped inviting Ffion.Evans@aber-housing.example to aber-housing: /);
  });
});
