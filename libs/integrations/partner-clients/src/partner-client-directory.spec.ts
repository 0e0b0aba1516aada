import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeycloakPartnerClientDirectory, LocalPartnerClientDirectory, LOCAL_DIRECTORY_NOTICE, type PartnerClientSpec } from './partner-client-directory';

const REALM = 'hearth';
const ADMIN = { clientId: 'hearth-admin', clientSecret: 's3cret' };
const SPEC: PartnerClientSpec = {
  clientId: 'millbrook-homes-fixit',
  name: 'Fixit Ltd',
  description: 'Responsive repairs contractor',
  organization: 'millbrook-homes',
  scopes: ['repairs:read', 'repairs:status'],
};

interface Client {
  id: string;
  clientId: string;
  enabled?: boolean;
  secret?: string;
  mappers: { id: string; name: string; config: Record<string, string> }[];
  defaultScopes: string[];
  [field: string]: unknown;
}

/**
 * The Keycloak admin REST endpoints the directory calls, on a loopback port: clients, their
 * protocol mappers, default client scopes and secrets, and realm client scopes.
 */
class FakeKeycloak {
  readonly calls: string[] = [];
  readonly clients: Client[] = [];
  readonly scopes: { id: string; name: string; attributes?: Record<string, string> }[] = [{ id: 'scope-profile', name: 'profile' }];
  private secrets = 0;
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  client(clientId: string): Client | undefined {
    return this.clients.find((c) => c.clientId === clientId);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url!, 'http://keycloak.test');
    const text = await new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk) => chunks.push(chunk)).on('end', () => resolve(Buffer.concat(chunks).toString()));
    });
    const body = text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : undefined;
    this.calls.push(`${req.method} ${url.pathname.replace(`/admin/realms/${REALM}`, '')}`);
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    if (req.method === 'POST' && url.pathname === `/realms/${REALM}/protocol/openid-connect/token`) {
      const expected = `Basic ${Buffer.from(`${ADMIN.clientId}:${ADMIN.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== expected) return send(401, { error: 'unauthorized_client' });
      const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      return send(200, { access_token: `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) + 300 })}.`, expires_in: 300 });
    }
    const path = url.pathname.replace(`/admin/realms/${REALM}`, '').split('/').filter(Boolean);
    if (path[0] === 'client-scopes') {
      if (req.method === 'GET') return send(200, this.scopes);
      if (req.method === 'POST') {
        this.scopes.push({ ...body, id: `scope-${this.scopes.length + 1}` });
        return send(201, undefined, { location: `http://keycloak.test/x/${this.scopes.length}` });
      }
    }
    if (path[0] !== 'clients') return send(404, { error: 'Not found' });
    if (path.length === 1 && req.method === 'GET') {
      return send(200, this.clients.filter((c) => c.clientId === url.searchParams.get('clientId')));
    }
    if (path.length === 1 && req.method === 'POST') {
      const id = `client-${this.clients.length + 1}`;
      this.clients.push({ enabled: true, ...body, id, mappers: [], defaultScopes: [] });
      return send(201, undefined, { location: `http://keycloak.test/clients/${id}` });
    }
    const client = this.clients.find((c) => c.id === path[1]);
    if (!client) return send(404, { error: 'Client not found' });
    const rest = path.slice(2).join('/');
    if (rest === '' && req.method === 'GET') return send(200, client);
    if (rest === '' && req.method === 'PUT') {
      Object.assign(client, body, { id: client.id, mappers: client.mappers, defaultScopes: client.defaultScopes });
      return send(204);
    }
    if (rest === 'protocol-mappers/models' && req.method === 'GET') return send(200, client.mappers);
    if (rest === 'protocol-mappers/models' && req.method === 'POST') {
      client.mappers.push({ ...body, id: `mapper-${client.mappers.length + 1}` });
      return send(201);
    }
    if (path[2] === 'protocol-mappers' && req.method === 'PUT') {
      const mapper = client.mappers.find((m) => m.id === path[4]);
      Object.assign(mapper!, body);
      return send(204);
    }
    if (rest === 'default-client-scopes' && req.method === 'GET') {
      return send(200, client.defaultScopes.map((id) => this.scopes.find((s) => s.id === id)));
    }
    if (path[2] === 'default-client-scopes' && req.method === 'PUT') {
      client.defaultScopes.push(path[3]);
      return send(204);
    }
    if (path[2] === 'default-client-scopes' && req.method === 'DELETE') {
      client.defaultScopes = client.defaultScopes.filter((id) => id !== path[3]);
      return send(204);
    }
    if (rest === 'client-secret' && req.method === 'POST') {
      client.secret = `secret-${++this.secrets}`;
      return send(200, { type: 'secret', value: client.secret });
    }
    return send(404, { error: 'Not found' });
  }
}

let keycloak: FakeKeycloak;
let directory: KeycloakPartnerClientDirectory;

beforeEach(async () => {
  keycloak = new FakeKeycloak();
  const keycloakUrl = await keycloak.start();
  directory = new KeycloakPartnerClientDirectory({ keycloakUrl, realm: REALM, audience: 'hearth-api' } as never, ADMIN);
});

afterEach(() => keycloak.stop());

const scopeNames = (client: Client) => client.defaultScopes.map((id) => keycloak.scopes.find((s) => s.id === id)?.name).sort();

describe('KeycloakPartnerClientDirectory', () => {
  it('creates a confidential client-credentials client carrying its member, audience and scopes, and issues its secret', async () => {
    const issued = await directory.createClient(SPEC);

    const client = keycloak.client(SPEC.clientId)!;
    expect(issued).toEqual({ secret: client.secret, notice: null });
    expect(client).toMatchObject({
      name: 'Fixit Ltd',
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      enabled: true,
      attributes: { 'hearth.partner': 'true', 'hearth.organization': 'millbrook-homes' },
    });
    const organization = client.mappers.find((m) => m.name === 'hearth-organization')!;
    expect(JSON.parse(organization.config['claim.value'])).toEqual(['millbrook-homes']);
    expect(organization.config['access.token.claim']).toBe('true');
    expect(client.mappers.find((m) => m.name === 'hearth-audience')!.config['included.custom.audience']).toBe('hearth-api');
    // The realm had neither scope: both were created, with the scope put in the token.
    expect(keycloak.scopes.filter((s) => s.name.includes(':')).map((s) => [s.name, s.attributes?.['include.in.token.scope']])).toEqual([
      ['repairs:read', 'true'],
      ['repairs:status', 'true'],
    ]);
    expect(scopeNames(client)).toEqual(['repairs:read', 'repairs:status']);
  });

  it('brings scopes in line: adds the new, removes the dropped, leaves Keycloak’s own alone', async () => {
    await directory.createClient(SPEC);
    const client = keycloak.client(SPEC.clientId)!;
    client.defaultScopes.push('scope-profile');

    await directory.updateClient({ ...SPEC, scopes: ['repairs:read', 'payments:write'] });

    expect(scopeNames(client)).toEqual(['payments:write', 'profile', 'repairs:read']);
    expect(client.mappers).toHaveLength(2);
  });

  it('creating again finishes a half-done registration rather than making a second client', async () => {
    await directory.createClient(SPEC);
    const again = await directory.createClient(SPEC);

    expect(keycloak.clients).toHaveLength(1);
    expect(again.secret).toBe(keycloak.client(SPEC.clientId)!.secret);
    expect(keycloak.client(SPEC.clientId)!.mappers).toHaveLength(2);
  });

  it('suspends and reinstates by disabling the client, and rotates its secret', async () => {
    const first = await directory.createClient(SPEC);

    await directory.setEnabled(SPEC.clientId, false);
    expect(keycloak.client(SPEC.clientId)!.enabled).toBe(false);
    await directory.setEnabled(SPEC.clientId, true);
    expect(keycloak.client(SPEC.clientId)!.enabled).toBe(true);

    const rotated = await directory.regenerateSecret(SPEC.clientId);
    expect(rotated.secret).not.toBe(first.secret);
    expect(keycloak.client(SPEC.clientId)!.secret).toBe(rotated.secret);
  });

  it('says which client Keycloak does not have', async () => {
    await expect(directory.setEnabled('nobody', false)).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Keycloak has no client "nobody"' });
  });
});

describe('LocalPartnerClientDirectory', () => {
  it('answers a fresh secret each time, with the notice that Keycloak does not know it', async () => {
    const local = new LocalPartnerClientDirectory({ keycloakUrl: 'http://kc.test', realm: REALM } as never);
    const first = await local.createClient();
    const second = await local.regenerateSecret();
    expect(first.notice).toBe(LOCAL_DIRECTORY_NOTICE);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.secret).not.toBe(first.secret);
    expect(local.tokenEndpoint).toBe('http://kc.test/realms/hearth/protocol/openid-connect/token');
  });
});
