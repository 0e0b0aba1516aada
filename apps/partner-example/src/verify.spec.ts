import { sign, verifyWebhook, WebhookVerificationError } from './index';

// Standard Webhooks' published test vector (github.com/standard-webhooks/standard-webhooks).
const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const ID = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
const TIMESTAMP = '1614265330';
const BODY = '{"test": 2432232314}';
const SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';
const AT = Number(TIMESTAMP) * 1000;

const headers = (overrides: Record<string, string> = {}) => ({
  'webhook-id': ID,
  'webhook-timestamp': TIMESTAMP,
  'webhook-signature': SIGNATURE,
  ...overrides,
});
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as Error).message;
  }
  throw new Error('verified what it should have refused');
};

describe("the contractor example's webhook verification", () => {
  it('signs and verifies the Standard Webhooks test vector', () => {
    expect(sign(SECRET, ID, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(verifyWebhook({ secrets: SECRET, headers: headers(), body: BODY, now: AT })).toEqual({ id: ID, timestamp: 1614265330, payload: { test: 2432232314 } });
    // The raw bytes, as a receiver reads them, and fetch-style Headers verify the same.
    expect(verifyWebhook({ secrets: [SECRET], headers: new Headers(headers()), body: Buffer.from(BODY), now: AT }).id).toBe(ID);
  });

  it('refuses a tampered body, id or timestamp', () => {
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers(), body: '{"test": 2432232315}', now: AT }))).toMatch(/No signature matches/);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers(), body: '{"test":2432232314}', now: AT }))).toMatch(/No signature matches/);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers({ 'webhook-id': 'msg_other' }), body: BODY, now: AT }))).toMatch(/No signature/);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers({ 'webhook-timestamp': '1614265331' }), body: BODY, now: AT }))).toMatch(/No signature/);
  });

  it('refuses a signature made with another secret, or a truncated one', () => {
    const other = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(refusal(() => verifyWebhook({ secrets: other, headers: headers(), body: BODY, now: AT }))).toMatch(/No signature/);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers({ 'webhook-signature': SIGNATURE.slice(0, 20) }), body: BODY, now: AT }))).toMatch(/No signature/);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers({ 'webhook-signature': SIGNATURE.replace('v1,', 'v2,') }), body: BODY, now: AT }))).toMatch(/No signature/);
  });

  it('refuses a message more than five minutes old or ahead, and accepts one just inside', () => {
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers(), body: BODY, now: AT + 301_000 }))).toMatch(/301 s from our clock/);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers(), body: BODY, now: AT - 301_000 }))).toMatch(/301 s from our clock/);
    expect(verifyWebhook({ secrets: SECRET, headers: headers(), body: BODY, now: AT + 300_000 }).id).toBe(ID);
    expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: headers({ 'webhook-timestamp': '1614265330.5' }), body: BODY, now: AT }))).toMatch(/Unix seconds/);
  });

  it('refuses a message without its headers', () => {
    for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
      const partial: Record<string, string> = headers();
      delete partial[name];
      expect(refusal(() => verifyWebhook({ secrets: SECRET, headers: partial, body: BODY, now: AT }))).toMatch(/Missing/);
    }
  });

  it('accepts any of several signatures during a rotation, and any of several secrets of ours', () => {
    const previous = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;
    const current = `whsec_${Buffer.alloc(32, 2).toString('base64')}`;
    const both = `${sign(current, ID, TIMESTAMP, BODY)} ${sign(previous, ID, TIMESTAMP, BODY)}`;
    // A receiver still on the previous secret, one already on the new one, one holding both.
    for (const secrets of [previous, current, [current, previous]]) {
      expect(verifyWebhook({ secrets, headers: headers({ 'webhook-signature': both }), body: BODY, now: AT }).id).toBe(ID);
    }
    const stranger = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
    expect(refusal(() => verifyWebhook({ secrets: stranger, headers: headers({ 'webhook-signature': both }), body: BODY, now: AT }))).toMatch(/No signature/);
  });
});
