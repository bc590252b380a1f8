import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature, webhookHmac } from './sign-webhook.ts';
import { verifyAsDocumented } from './testing/verify-as-documented.ts';

const secret = 'a-shared-secret-of-thirty-two-chars!';
const at = new Date('2026-03-01T10:00:00.000Z');
const body = '{"id":"evt_1","type":"webhook.test","data":{}}';

describe('webhook signatures', () => {
  it('signs `t.body` with HMAC-SHA256 in the documented header format', () => {
    const header = signWebhook(secret, at, body);
    expect(header).toBe(`t=1772359200,v1=${webhookHmac(secret, 1772359200, body)}`);
    expect(verifyWebhookSignature(secret, header, body, at)).toBeUndefined();
    expect(verifyAsDocumented(secret, header, body, at)).toBe(true);
  });

  it('refuses a tampered body, a wrong secret, a stale timestamp and a malformed header', () => {
    const header = signWebhook(secret, at, body);
    expect(verifyWebhookSignature(secret, header, body.replace('test', 'tost'), at)).toBe('mismatch');
    expect(verifyWebhookSignature('another-secret', header, body, at)).toBe('mismatch');
    expect(verifyWebhookSignature(secret, header, body, new Date(at.getTime() + 301_000))).toBe('stale');
    expect(verifyWebhookSignature(secret, 'v1=abc', body, at)).toBe('malformed');
    // A timestamp moved to look fresh no longer matches the HMAC.
    const moved = header.replace('t=1772359200', 't=1772359500');
    expect(verifyWebhookSignature(secret, moved, body, new Date(at.getTime() + 300_000))).toBe('mismatch');
  });

  it('accepts any of several v1 values, as during a secret rotation', () => {
    const header = `${signWebhook(secret, at, body)},v1=${'0'.repeat(64)}`;
    expect(verifyWebhookSignature(secret, header, body, at)).toBeUndefined();
  });
});
