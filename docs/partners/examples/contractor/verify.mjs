// Verifying Hearth's webhooks (the Standard Webhooks scheme) with nothing but node:crypto.
// Copy this file into your receiver; it has no dependencies.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Refuse messages whose timestamp is further than this from our clock (replayed or delayed). */
export const TOLERANCE_SECONDS = 5 * 60;

export class WebhookVerificationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** The HMAC key of a `whsec_…` secret: the base64-decoded part after the prefix. */
function keyOf(secret) {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  const key = Buffer.from(encoded, 'base64');
  if (key.length === 0) throw new Error('The webhook secret is empty: copy it whole, with its whsec_ prefix');
  return key;
}

/**
 * `v1,` + base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<body>")): what Hearth puts
 * in `webhook-signature` (useful in tests, to sign what you send yourself).
 */
export function sign(secret, id, timestamp, body) {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.`).update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  return `v1,${mac.digest('base64')}`;
}

/** A header from Node's `req.headers` (lower-case keys), a fetch `Headers`, or a plain object. */
function header(headers, name) {
  const value = typeof headers.get === 'function' ? headers.get(name) : headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value ?? undefined;
}

/**
 * Verifies one delivery and returns its id and parsed body, or throws WebhookVerificationError.
 *
 * - `body` is the raw request body exactly as received (a Buffer or string): never a re-serialised
 *   parse of it, whose bytes may differ.
 * - `secrets` is your endpoint's secret, or several while you move to a rotated one. Hearth signs
 *   with the new and the previous secret for 24 hours after a rotation, and the header then
 *   carries both signatures, space-separated: any one matching any of your secrets is enough.
 * - Signatures are compared in constant time; the timestamp must be within 5 minutes of `now`.
 */
export function verifyWebhook({ secrets, headers, body, now = Date.now() }) {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) throw new WebhookVerificationError('Missing webhook-id, webhook-timestamp or webhook-signature');
  if (!/^\d+$/.test(timestamp)) throw new WebhookVerificationError('webhook-timestamp is not Unix seconds');
  const skew = Math.abs(Math.floor(now / 1000) - Number(timestamp));
  if (skew > TOLERANCE_SECONDS) throw new WebhookVerificationError(`webhook-timestamp is ${skew} s from our clock (more than ${TOLERANCE_SECONDS} s)`);

  const raw = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const expected = [secrets]
    .flat()
    .map((secret) => Buffer.from(sign(secret, id, timestamp, raw).slice('v1,'.length), 'base64'));
  const matches = signatures
    .split(' ')
    .filter((candidate) => candidate.startsWith('v1,'))
    .map((candidate) => Buffer.from(candidate.slice('v1,'.length), 'base64'))
    .some((given) => expected.some((wanted) => given.length === wanted.length && timingSafeEqual(given, wanted)));
  if (!matches) throw new WebhookVerificationError('No signature matches: wrong secret, or the body was changed');

  let payload;
  try {
    payload = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('The body is not JSON');
  }
  return { id, timestamp: Number(timestamp), payload };
}
