import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from './url-policy';

/** A delivery must be answered within this long. */
export const DELIVERY_TIMEOUT_MS = 15_000;
/** How much of the receiver's answer the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1_024;

export type PostOutcome =
  | { kind: 'response'; status: number; body: string; durationMs: number }
  | { kind: 'error'; error: string; durationMs: number };

/**
 * POSTs one webhook with Node's http(s) client: the connection's address is checked as it is made
 * (guardedLookup), redirects are not followed (a 3xx is a failure), the whole exchange must end
 * within 15 s, and only the first kilobyte of the answer is kept.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivateNetworks: boolean; timeoutMs?: number },
): Promise<PostOutcome> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivateNetworks) as never,
        agent: false,
      },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_EXCERPT_BYTES) {
            chunks.push(chunk.subarray(0, RESPONSE_EXCERPT_BYTES - kept));
            kept += Math.min(chunk.length, RESPONSE_EXCERPT_BYTES - kept);
          }
        });
        res.on('end', () =>
          finish({ kind: 'response', status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), durationMs: Date.now() - started }),
        );
        res.on('error', (error) => finish({ kind: 'error', error: error.message, durationMs: Date.now() - started }));
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      finish({ kind: 'error', error: `no answer within ${timeoutMs / 1000} s`, durationMs: Date.now() - started });
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ kind: 'error', error: error.code ? `${error.code}: ${error.message}` : error.message, durationMs: Date.now() - started }),
    );
    req.end(body);
  });
}
