import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Minutes a code (and its magic link) works. */
export const CODE_TTL_MINUTES = 10;
/** Wrong tries after which a code is void. */
export const CODE_MAX_TRIES = 5;

/** A fresh 6-digit code, uniformly drawn. */
export function newVerificationCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, '0');
}

/** The stored form of a code: HMAC with the secret, bound to its verification row. */
export function codeHash(secret: string, verificationId: string, code: string): string {
  return createHmac('sha256', secret).update(`request-code:${verificationId}:${code}`).digest('hex');
}

/** Constant-time comparison of two hex hashes. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
