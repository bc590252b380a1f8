import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { jobStatuses, type EnqueueResult, type JobStatus, type JobView } from './queue.ts';

export type JobRow = Database['jobs'];

/** The public view of a `jobs` row. */
export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status as JobStatus,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    idempotencyKey: row.idempotency_key,
    runAt: row.run_at,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    lastError: row.last_error,
  };
}

/**
 * Inserts the row unless its idempotency key exists. ON CONFLICT DO NOTHING makes concurrent inserts of one key
 * wait for each other on the unique index, so exactly one wins and the others read the winner's id.
 */
export async function insertJobRow(db: Kysely<Database>, row: JobRow): Promise<EnqueueResult> {
  const inserted = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', row.idempotency_key)
    .executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

/** The job with this id, if any. */
export async function getJobView(db: Kysely<Database>, id: string): Promise<JobView | undefined> {
  const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toJobView(row);
}

/** Marks a queued job cancelled; workers skip cancelled jobs. False when it already started or finished. */
export async function cancelQueuedJob(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: at, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The number of jobs in each status, zero for statuses without jobs. */
export async function countJobsByStatus(db: Kysely<Database>): Promise<Record<JobStatus, number>> {
  const rows = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('status')
    .execute();
  const counts = Object.fromEntries(jobStatuses.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const row of rows) {
    if ((jobStatuses as readonly string[]).includes(row.status))
      counts[row.status as JobStatus] = Number(row.count);
  }
  return counts;
}
