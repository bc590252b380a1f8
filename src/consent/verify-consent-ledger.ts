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

const PAGE = 1000;

/** Walks the consent chain in order and names the first event whose hash, link or position does not hold. */
export async function verifyConsentLedger(
  store: Store,
  signal?: AbortSignal,
): Promise<ConsentLedgerVerification> {
  let prevHash = CONSENT_GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    signal?.throwIfAborted();
    const rows = await store.db
      .selectFrom('consent_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): ConsentLedgerVerification => ({
        ok: false,
        events: count,
        broken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not match the previous event');
      const { hash, ...fields } = row;
      if (consentEventHash(fields) !== hash) return broken('content does not match its hash (altered)');
      prevHash = hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) return { ok: true, events: count, head: prevHash };
  }
}
