import { createHash } from 'node:crypto';

/** SHA-256 of a high-entropy token: what is stored for session ids, API keys and one-time links. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
