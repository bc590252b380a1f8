// Test support: the receiver's side exactly as the README's "Webhooks" section tells it, written apart from the
// signing code so that a change to one is caught by the other.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** True when `Privet-Signature` is valid for the raw body, at most 5 minutes away from `now`. */
export function verifyAsDocumented(secret: string, header: string, rawBody: string, now: Date): boolean {
  // 1. Split the header on commas into key=value pairs; take t and every v1.
  const pairs = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = pairs.find(([k]) => k === 't')?.[1];
  const signatures = pairs.filter(([k]) => k === 'v1').map(([, v]) => v);
  if (t === undefined) return false;
  // 2. Refuse timestamps more than 300 seconds from the receiver's clock (replays).
  if (Math.abs(Math.floor(now.getTime() / 1000) - Number(t)) > 300) return false;
  // 3. HMAC-SHA256 with the shared secret over `${t}.${rawBody}`, hex.
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  // 4. Compare in constant time with each v1.
  return signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
