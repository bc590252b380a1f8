import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.ts';
import { settleLostAttempt, startAttempt, type ClaimedJob } from './job-attempts.ts';
import type { JobRegistry } from './job-registry.ts';
import { kyselyBossDb } from './kysely-boss-db.ts';
import { privetBossQueue, sendBossJob, type BossMessage } from './send-boss-job.ts';

/** A claimed job with the pg-boss message that delivered it. */
export interface BossClaim {
  readonly job: ClaimedJob;
  readonly bossId: string;
}

export interface BossClaimRequest {
  readonly store: Store;
  readonly boss: PgBoss;
  readonly registry: JobRegistry;
  readonly limit: number;
  readonly worker: string;
  readonly now: Date;
}

// A job of a kind this process does not know (a newer release enqueued it) goes back for another worker.
const FOREIGN_KIND_DELAY_MS = 60_000;

/**
 * In one transaction: fetches up to `limit` pg-boss messages (SKIP LOCKED, so each goes to one worker) and moves
 * their `jobs` rows to running. A row still running was held by a crashed worker whose message pg-boss expired;
 * a finished or cancelled row only needs its message completed.
 */
export async function claimBossJobs(request: BossClaimRequest): Promise<{
  claimed: BossClaim[];
  lost: { kind: string; seconds: number }[];
}> {
  const { store, boss, registry, limit, worker, now } = request;
  return store.transaction(async (trx) => {
    const db = kyselyBossDb(trx);
    const messages = await boss.fetch<Partial<BossMessage>>(privetBossQueue, { batchSize: limit, db });
    const claimed: BossClaim[] = [];
    const lost: { kind: string; seconds: number }[] = [];
    for (const message of messages) {
      const jobId = typeof message.data.jobId === 'string' ? message.data.jobId : '';
      let row = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', jobId)
        .forUpdate()
        .executeTakeFirst();
      if (row?.status === 'running') {
        const settled = await settleLostAttempt(trx, row, now);
        if (settled) lost.push({ kind: row.kind, seconds: settled.seconds });
        row = settled?.next;
      }
      const definition = row && registry.get(row.kind);
      if (row?.status === 'queued' && definition === undefined) {
        await sendBossJob(
          boss,
          db,
          { id: row.id, maxAttempts: row.max_attempts },
          new Date(now.getTime() + FOREIGN_KIND_DELAY_MS),
          undefined,
        );
      }
      const timeoutMs = definition?.timeoutMs ?? 0;
      const job =
        row?.status === 'queued' && definition !== undefined
          ? await startAttempt(trx, row, worker, now, new Date(now.getTime() + timeoutMs))
          : undefined;
      if (job) claimed.push({ job, bossId: message.id });
      else await boss.complete(privetBossQueue, message.id, { skipped: row?.status ?? 'missing' }, { db });
    }
    return { claimed, lost };
  });
}
