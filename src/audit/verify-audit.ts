import type { Store } from '../store/store.ts';
import { auditHash, GENESIS_HASH } from './audit-hash.ts';
import { verifyHashChain } from './verify-hash-chain.ts';

export type AuditVerification =
  | { readonly ok: true; readonly entries: number; readonly head: string }
  | {
      readonly ok: false;
      readonly entries: number;
      readonly broken: { readonly seq: number; readonly id: string; readonly reason: string };
    };

/** Walks the whole chain in order and names the first entry whose hash, link or sequence does not hold. */
export async function verifyAudit(store: Store, signal?: AbortSignal): Promise<AuditVerification> {
  const { count, ...result } = await verifyHashChain(
    {
      genesis: GENESIS_HASH,
      noun: 'entry',
      readPage: (fromSeq, limit) =>
        store.db
          .selectFrom('audit_log')
          .selectAll()
          .where('seq', '>=', fromSeq)
          .orderBy('seq', 'asc')
          .limit(limit)
          .execute(),
      hashOf: (row) =>
        auditHash({
          seq: row.seq,
          id: row.id,
          at: row.at,
          actor: row.actor,
          action: row.action,
          target: row.target,
          details: row.details,
          prevHash: row.prev_hash,
        }),
    },
    signal,
  );
  return { ...result, entries: count };
}
