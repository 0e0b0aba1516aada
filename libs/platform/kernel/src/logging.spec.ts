import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pinoHttp, { type Options } from 'pino-http';
import { loadConfig } from '@hearth/platform-core';
import { loggerOptions } from './logging';

describe('request logs', () => {
  it('are JSON with the request id, and never contain the bearer token or cookies', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const options = loggerOptions(loadConfig({ LOG_LEVEL: 'info' }), 'api').pinoHttp as Options;
    const log = pinoHttp(options, sink);
    const server = createServer((req, res) => {
      log(req, res);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      headers: { authorization: 'Bearer secret-token-value', cookie: 'session=secret-cookie', 'x-request-id': 'req-12345678' },
    });
    await new Promise((resolve) => server.close(resolve));

    const entry = JSON.parse(lines.find((l) => l.includes('request completed'))!);
    expect(entry.name).toBe('hearth-api');
    expect(entry.req.id).toBe('req-12345678');
    expect(entry.req.headers.authorization).toBe('[redacted]');
    expect(lines.join('\n')).not.toMatch(/secret-token-value|secret-cookie/);
  });
});
