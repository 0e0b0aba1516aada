import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface ServedConsole {
  /** The console's origin: register it with the issuer and the API's CORS. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built console the way production hosting does: files as they are, index.html for the client's own
 * routes (e.g. /auth/callback), and this test's own /config.json in place of the committed one.
 * The config is read per request because the issuer and API it names can only start once the console's URL is known.
 */
export async function serveConsole(root: string, config: () => Record<string, string>): Promise<ServedConsole> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://console').pathname);
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.json'], 'cache-control': 'no-store' }).end(JSON.stringify(config()));
      return;
    }
    const file = normalize(join(root, path));
    const inside = file.startsWith(root + sep);
    const found = inside && (await stat(file).catch(() => null))?.isFile();
    if (found) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } else if (inside && !extname(path)) {
      res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] }).end(await readFile(join(root, 'index.html')));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
