import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Decision, DecisionEvidence, DecisionJson } from './decision.ts';

/**
 * The decisions as plain data, each consent evidence completed with its ledger event's id (also its receipt
 * id) and hash, read by chain position in one query: the index keeps only the position, to stay small.
 */
export async function withLedgerProof(
  db: Kysely<Database>,
  decisions: readonly Decision[],
): Promise<DecisionJson[]> {
  const seqs = new Set<number>();
  for (const decision of decisions) {
    for (const item of decision.evidence) if (item.kind === 'consent_event') seqs.add(item.eventSeq);
  }
  const proofs = new Map<number, { id: string; hash: string }>();
  const wanted = [...seqs];
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom('consent_events')
      .select(['seq', 'id', 'hash'])
      .where('seq', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const row of rows) proofs.set(Number(row.seq), { id: row.id, hash: row.hash });
  }
  const complete = (item: DecisionEvidence): DecisionJson['evidence'][number] => {
    if (item.kind !== 'consent_event') return { ...item };
    const proof = proofs.get(item.eventSeq);
    return {
      kind: item.kind,
      subjectType: item.subjectType,
      eventSeq: item.eventSeq,
      at: item.at,
      action: item.action,
      method: item.method,
      noticeVersion: item.noticeVersion,
      ...(proof === undefined ? {} : { eventId: proof.id, hash: proof.hash }),
    };
  };
  return decisions.map((decision) => ({
    allowed: decision.allowed,
    purpose: decision.purpose,
    purposeKey: decision.purposeKey,
    basis: decision.basis,
    reason: decision.reason,
    evidence: decision.evidence.map(complete),
  }));
}
