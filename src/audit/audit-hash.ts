import { createHash } from 'node:crypto';

/** The prev_hash of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  /** The details exactly as stored (JSON text), so verification hashes the same bytes. */
  readonly details: string;
  readonly prevHash: string;
}

/** SHA-256 over every field of an entry and the previous entry's hash, in a fixed order. */
export function auditHash(entry: HashedFields): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.id,
    entry.at,
    entry.actor,
    entry.action,
    entry.target,
    entry.details,
    entry.prevHash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
