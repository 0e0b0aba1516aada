import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The status the receiver answered. */
  answered: number;
  at: number;
}

/** What a path answers: a status per request, by how many requests that path has had before (0-based). */
export type Behaviour = (previous: number) => number | { status: number; delayMs: number };

/**
 * A partner's receiver on 127.0.0.1: records every request and answers as the path's behaviour
 * says (200 unless told otherwise). Tests deduplicate by webhook-id, as the contract tells
 * receivers to.
 */
export class TestReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly behaviours = new Map<string, Behaviour>();
  private readonly counts = new Map<string, number>();
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const previous = this.counts.get(path) ?? 0;
        this.counts.set(path, previous + 1);
        const decided = (this.behaviours.get(path) ?? (() => 200))(previous);
        const { status, delayMs } = typeof decided === 'number' ? { status: decided, delayMs: 0 } : decided;
        const answer = () => {
          this.received.push({
            path,
            headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
            body: Buffer.concat(chunks).toString('utf8'),
            answered: status,
            at: Date.now(),
          });
          res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : `no (${status})`);
        };
        if (delayMs) setTimeout(answer, delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  on(path: string, behaviour: Behaviour): string {
    this.behaviours.set(path, behaviour);
    return `${this.url}${path}`;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  /** The events a path accepted (2xx), once each by webhook-id, in the order first accepted. */
  accepted(path: string): ReceivedWebhook[] {
    const seen = new Set<string>();
    return this.at(path).filter((r) => {
      if (r.answered >= 300 || seen.has(r.headers['webhook-id'])) return false;
      seen.add(r.headers['webhook-id']);
      return true;
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export async function until<T>(read: () => T | Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last seen ${JSON.stringify(value)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
