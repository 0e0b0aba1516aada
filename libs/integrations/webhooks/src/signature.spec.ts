import { newWebhookSecret, signatureHeader, signWebhook, verifyWebhook, webhookIdOf } from './signature';

// Standard Webhooks' published test vector.
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = 1614265330;
const BODY = '{"test": 2432232314}';
const headers = (signature: string, timestamp = TIMESTAMP) => ({ 'webhook-id': ID, 'webhook-timestamp': String(timestamp), 'webhook-signature': signature });

describe('webhook signatures', () => {
  it('matches the Standard Webhooks test vector', () => {
    expect(signWebhook(SECRET, ID, TIMESTAMP, BODY)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    expect(verifyWebhook(SECRET, headers('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE='), BODY, TIMESTAMP)).toEqual({ ok: true });
  });

  it('fails a tampered body, a wrong secret, another id, and an unknown version', () => {
    const signature = signWebhook(SECRET, ID, TIMESTAMP, BODY);
    expect(verifyWebhook(SECRET, headers(signature), '{"test": 2432232315}', TIMESTAMP)).toEqual({ ok: false, reason: 'NO_MATCHING_SIGNATURE' });
    expect(verifyWebhook(newWebhookSecret(), headers(signature), BODY, TIMESTAMP)).toEqual({ ok: false, reason: 'NO_MATCHING_SIGNATURE' });
    expect(verifyWebhook(SECRET, { ...headers(signature), 'webhook-id': 'msg_other' }, BODY, TIMESTAMP).ok).toBe(false);
    expect(verifyWebhook(SECRET, headers(signature.replace('v1,', 'v2,')), BODY, TIMESTAMP).ok).toBe(false);
  });

  it('refuses timestamps more than five minutes from the clock, and missing headers', () => {
    const signature = signWebhook(SECRET, ID, TIMESTAMP, BODY);
    expect(verifyWebhook(SECRET, headers(signature), BODY, TIMESTAMP + 301)).toEqual({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(verifyWebhook(SECRET, headers(signature), BODY, TIMESTAMP - 300)).toEqual({ ok: true });
    expect(verifyWebhook(SECRET, { 'webhook-id': ID }, BODY, TIMESTAMP)).toEqual({ ok: false, reason: 'MISSING_HEADERS' });
  });

  it('during rotation carries one signature per secret, each verifying with its own secret alone', () => {
    const next = newWebhookSecret();
    const header = signatureHeader([next, SECRET], ID, TIMESTAMP, BODY);
    expect(header.split(' ')).toHaveLength(2);
    expect(verifyWebhook(next, headers(header), BODY, TIMESTAMP)).toEqual({ ok: true });
    expect(verifyWebhook(SECRET, headers(header), BODY, TIMESTAMP)).toEqual({ ok: true });
    expect(verifyWebhook(newWebhookSecret(), headers(header), BODY, TIMESTAMP).ok).toBe(false);
  });

  it('makes secrets of 32 random bytes and webhook ids from event ids', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    expect(webhookIdOf('0b8f4a52-8a0e-4c55-9d1b-2f3c4d5e6f70')).toBe('msg_0b8f4a528a0e4c559d1b2f3c4d5e6f70');
  });
});
