import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The Standard Webhooks scheme (https://www.standardwebhooks.com): a secret is `whsec_` + base64
 * of the key; a signature is `v1,` + base64(HMAC-SHA256(key, `${id}.${timestamp}.${body}`)); the
 * header carries one or more, space-separated (several while a secret is being rotated).
 */
export const SECRET_PREFIX = 'whsec_';
/** Receivers refuse messages whose timestamp is further than this from their clock. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
}

/** `v1,<base64 signature>` of one message under one secret. */
export function signWebhook(secret: string, webhookId: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${webhookId}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per secret, space-separated. */
export function signatureHeader(secrets: readonly string[], webhookId: string, timestamp: number, body: string): string {
  return secrets.map((secret) => signWebhook(secret, webhookId, timestamp, body)).join(' ');
}

export type VerifyOutcome = { ok: true } | { ok: false; reason: 'MISSING_HEADERS' | 'TIMESTAMP_OUT_OF_TOLERANCE' | 'NO_MATCHING_SIGNATURE' };

/**
 * What a receiver does (and what docs/partners/webhooks.md shows): the timestamp within five
 * minutes of now, and any one `v1` signature in the header equal, in constant time, to the
 * expected one.
 */
export function verifyWebhook(
  secret: string,
  headers: { 'webhook-id'?: string; 'webhook-timestamp'?: string; 'webhook-signature'?: string },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): VerifyOutcome {
  const id = headers['webhook-id'];
  const timestamp = Number(headers['webhook-timestamp']);
  const header = headers['webhook-signature'];
  if (!id || !header || !Number.isInteger(timestamp)) return { ok: false, reason: 'MISSING_HEADERS' };
  if (Math.abs(nowSeconds - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return { ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' };
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body).slice('v1,'.length), 'base64');
  for (const candidate of header.split(' ')) {
    const [version, signature] = candidate.split(',', 2);
    if (version !== 'v1' || !signature) continue;
    const given = Buffer.from(signature, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'NO_MATCHING_SIGNATURE' };
}

/** `msg_` + the outbox event's id without dashes: the same for every attempt and replay. */
export function webhookIdOf(eventId: string): string {
  return `msg_${eventId.replace(/-/g, '')}`;
}
