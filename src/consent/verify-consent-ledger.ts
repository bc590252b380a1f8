import { verifyHashChain } from '../audit/verify-hash-chain.ts';
import type { Store } from '../store/store.ts';
import { CONSENT_GENESIS_HASH, consentEventHash } from './consent-hash.ts';

export type ConsentLedgerVerification =
  | { readonly ok: true; readonly events: number; readonly head: string }
  | {
      readonly ok: false;
      /** How many events before the broken one verify. */
      readonly events: number;
      readonly broken: { readonly seq: number; readonly id: string; readonly reason: string };
    };

/** Walks the consent chain in order and names the first event whose hash, link or position does not hold. */
export async function verifyConsentLedger(
  store: Store,
  signal?: AbortSignal,
): Promise<ConsentLedgerVerification> {
  const { count, ...result } = await verifyHashChain(
    {
      genesis: CONSENT_GENESIS_HASH,
      noun: 'event',
      readPage: (fromSeq, limit) =>
        store.db
          .selectFrom('consent_events')
          .selectAll()
          .where('seq', '>=', fromSeq)
          .orderBy('seq', 'asc')
          .limit(limit)
          .execute(),
      hashOf: ({ hash: _hash, ...fields }) => consentEventHash(fields),
    },
    signal,
  );
  return { ...result, events: count };
}
