import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'privet-signature';

/** How far a receiver should accept a signature's timestamp from its own clock, in seconds. */
export const SIGNATURE_TOLERANCE_S = 300;

/** The hex HMAC-SHA256 of `<timestamp>.<body>` under the endpoint's secret. */
export function webhookHmac(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The `Privet-Signature` header value for a body sent at `at`. */
export function signWebhook(secret: string, at: Date, body: string): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${webhookHmac(secret, timestamp, body)}`;
}

/** Why a signature was refused; undefined when it is valid. */
export type SignatureProblem = 'malformed' | 'stale' | 'mismatch';

/**
 * Checks a signature as the README tells receivers to: parse `t` and every `v1`, refuse a timestamp more than
 * the tolerance away from now, recompute the HMAC over the raw body and compare in constant time.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string,
  rawBody: string,
  now: Date,
  toleranceS = SIGNATURE_TOLERANCE_S,
): SignatureProblem | undefined {
  const parts = header.split(',').map((part) => part.trim().split('='));
  const t = parts.find(([key]) => key === 't')?.[1];
  const candidates = parts.filter(([key, value]) => key === 'v1' && value !== undefined).map(([, v]) => v);
  if (t === undefined || !/^\d+$/.test(t) || candidates.length === 0) return 'malformed';
  const timestamp = Number(t);
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceS) return 'stale';
  const expected = Buffer.from(webhookHmac(secret, timestamp, rawBody), 'hex');
  const ok = candidates.some((candidate) => {
    const given = Buffer.from(candidate ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return ok ? undefined : 'mismatch';
}
