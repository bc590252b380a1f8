import { hash } from 'node:crypto';
import type { Database } from '../store/schema.ts';

/** The prev_hash of the first event of the consent chain. */
export const CONSENT_GENESIS_HASH = '0'.repeat(64);

/** Every stored column of an event except its own hash. */
export type HashedConsentEvent = Omit<Database['consent_events'], 'hash'>;

/**
 * SHA-256 over every column of an event and the previous event's hash, in a fixed order, exactly as stored,
 * so that verification recomputes the same bytes (the audit ledger's approach, over the consent columns).
 */
export function consentEventHash(event: HashedConsentEvent): string {
  const canonical = JSON.stringify([
    event.seq,
    event.id,
    event.at,
    event.person_id,
    event.person_verified,
    event.device_id,
    event.category_key,
    event.purpose_key,
    event.action,
    event.method,
    event.gpc,
    event.notice_version,
    event.notice_hash,
    event.ip_truncated,
    event.user_agent_family,
    event.language,
    event.prev_hash,
  ]);
  // One-shot hashing: a Hash object per event cost twice as much, and every banner post hashes several.
  return hash('sha256', canonical, 'hex');
}
