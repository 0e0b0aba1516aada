import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { loadDemoUsers, type DemoUser } from '@hearth/demo';
import { loginInteraction } from './login-interaction';
import { LOGIN_ACTIONS_PATH, providerConfiguration, REALM_PATH } from './provider-configuration';

export type { DemoUser } from '@hearth/demo';

export interface DemoIssuerOptions {
  /** 0 picks a free port; the real one is in the returned issuerUrl. */
  port: number;
  host?: string;
  /** The console's origin (and base path): its redirect and post-logout URIs are registered under it. */
  consoleUrl: string;
  /** Folder of member manifests whose admins become the demo users. */
  tenantsDir: string;
}

export interface DemoIssuer {
  issuerUrl: string;
  users: DemoUser[];
  close(): Promise<void>;
}

/**
 * Anyone who knows the published demo password can sign in as any admin here, so a production deployment
 * must never start it, even by mistake in a start script.
 */
export function assertNotProduction(env: NodeJS.ProcessEnv = process.env): void {
  for (const name of ['NODE_ENV', 'HEARTH_ENV']) {
    if (env[name] === 'production') {
      throw new Error(
        `The demo issuer refuses to start because ${name}=production: it signs anyone in with a published ` +
          'password. Use Keycloak with the realm in infra/keycloak/ instead.',
      );
    }
  }
}

export async function startDemoIssuer(options: DemoIssuerOptions): Promise<DemoIssuer> {
  assertNotProduction();
  const users = await loadDemoUsers(options.tenantsDir);

  // Listen first: with port 0 the issuer URL (and so the provider) is only known once the port is.
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? 'localhost', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuerUrl = `http://localhost:${port}${REALM_PATH}`;

  const provider = new Provider(issuerUrl, providerConfiguration({ consoleUrl: options.consoleUrl, users }));
  const login = loginInteraction(provider, users);
  const oidc = provider.callback();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (path.startsWith(LOGIN_ACTIONS_PATH)) {
      void login(req, res);
    } else if (path === REALM_PATH || path.startsWith(`${REALM_PATH}/`) || path.startsWith(`${REALM_PATH}?`)) {
      // oidc-provider sees paths relative to the realm and rebuilds absolute URLs from originalUrl.
      Object.assign(req, { originalUrl: path, url: path.slice(REALM_PATH.length) || '/' });
      void oidc(req, res);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found. The realm is at ${issuerUrl}\n`);
    }
  });

  return { issuerUrl, users, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Browsers keep idle connections open; without this close() waits for them to time out.
    server.closeAllConnections();
  });
}
