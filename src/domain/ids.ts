import { randomBytes } from 'node:crypto';

/** A new random id, time-ordered by its prefix so that ids sort by creation: `<prefix>_<ms36><random>`. */
export function newId(prefix: string, now: Date = new Date()): string {
  const time = now.getTime().toString(36).padStart(9, '0');
  return `${prefix}_${time}${randomBytes(10).toString('base64url')}`;
}

/** A random secret token (URL-safe), for API keys, session ids and one-time links. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
