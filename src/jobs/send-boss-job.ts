import type PgBoss from 'pg-boss';
import { PrivetError } from '../domain/errors.ts';
import type { JobDefinition } from './job-definition.ts';

/** The one pg-boss queue Privet uses; the job's kind lives in the `jobs` row that the message points to. */
export const privetBossQueue = 'privet-jobs';

/** The message pg-boss carries: only a pointer, since the `jobs` row is the record of truth. */
export interface BossMessage {
  readonly jobId: string;
}

// A crashed worker's job becomes visible again once pg-boss expires it; the grace keeps a handler that is still
// finishing after its own timeout from being run a second time at once.
const EXPIRY_GRACE_SECONDS = 10;
const DEFAULT_TIMEOUT_MS = 15 * 60_000;

/** Sends a message for a `jobs` row, due at `runAt`, through `db` (a transaction, to commit with the row). */
export async function sendBossJob(
  boss: PgBoss,
  db: PgBoss.Db,
  job: { readonly id: string; readonly maxAttempts: number },
  runAt: Date,
  definition: JobDefinition | undefined,
): Promise<string> {
  const message: BossMessage = { jobId: job.id };
  const id = await boss.send(privetBossQueue, message, {
    db,
    startAfter: runAt,
    // pg-boss retries only redeliver the jobs of crashed workers; the `jobs` row decides when to give up.
    retryLimit: job.maxAttempts,
    retryDelay: 0,
    expireInSeconds: Math.ceil((definition?.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000) + EXPIRY_GRACE_SECONDS,
  });
  if (id === null)
    throw new PrivetError('unavailable', `pg-boss did not accept job ${job.id}: is its queue created?`);
  return id;
}
