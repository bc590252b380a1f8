import type { Store } from '../store/store.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly broken: { readonly seq: number; readonly id: string; readonly reason: string };
    };

const PAGE = 1000;

/** Walks the whole chain in order and names the first entry whose hash, link or sequence does not hold. */
export async function verifyAudit(store: Store, signal?: AbortSignal): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    signal?.throwIfAborted();
    const rows = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq', 'asc')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): AuditVerification => ({
        ok: false,
        entries: count,
        broken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
      if (row.prev_hash !== prevHash) return broken('prev_hash does not match the previous entry');
      const recomputed = auditHash({
        seq: row.seq,
        id: row.id,
        at: row.at,
        actor: row.actor,
        action: row.action,
        target: row.target,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) return broken('content does not match its hash (altered)');
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (rows.length < PAGE) return { ok: true, entries: count, head: prevHash };
  }
}
