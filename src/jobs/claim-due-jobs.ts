import type { Store } from '../store/store.ts';
import { settleLostAttempt, startAttempt, type ClaimedJob } from './job-attempts.ts';

export interface ClaimRequest {
  readonly kinds: readonly string[];
  readonly limit: number;
  readonly worker: string;
  readonly now: Date;
  readonly leaseMs: number;
}

export interface ClaimBatch {
  readonly claimed: readonly ClaimedJob[];
  /** Attempts of crashed workers settled on the way, for metrics. */
  readonly lost: readonly { readonly kind: string; readonly seconds: number }[];
}

const RECLAIM_BATCH = 100;

/**
 * In one write transaction, settles running jobs whose lease expired (their worker crashed), then leases up to
 * `limit` due jobs of the given kinds. The named lock serialises claimers on PostgreSQL; on SQLite the
 * transaction's BEGIN IMMEDIATE already does.
 */
export async function claimDueJobs(store: Store, request: ClaimRequest): Promise<ClaimBatch> {
  const { kinds, limit, worker, now, leaseMs } = request;
  const at = now.toISOString();
  return store.transaction(
    async (trx) => {
      const expired = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'running')
        .where('locked_until', '<', at)
        .limit(RECLAIM_BATCH)
        .execute();
      const lost: { kind: string; seconds: number }[] = [];
      for (const row of expired) {
        const settled = await settleLostAttempt(trx, row, now);
        if (settled) lost.push({ kind: row.kind, seconds: settled.seconds });
      }
      if (kinds.length === 0 || limit < 1) return { claimed: [], lost };
      const due = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'queued')
        .where('run_at', '<=', at)
        .where('kind', 'in', kinds)
        .orderBy('run_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      const claimed: ClaimedJob[] = [];
      const lockedUntil = new Date(now.getTime() + leaseMs);
      for (const row of due) {
        const job = await startAttempt(trx, row, worker, now, lockedUntil);
        if (job) claimed.push(job);
      }
      return { claimed, lost };
    },
    { lock: 'privet:jobs:claim' },
  );
}
