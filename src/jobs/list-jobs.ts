import type { Store } from '../store/store.ts';
import type { JobStatus, JobView } from './queue.ts';
import { jobStatuses } from './queue.ts';

export interface JobFilter {
  readonly status?: JobStatus;
  readonly kind?: string;
  /** Only jobs with a smaller id (ids sort by creation time): the cursor of the previous page. */
  readonly before?: string;
  readonly limit: number;
}

/** Lists jobs newest first from the `jobs` table, which both queue adapters keep as the record. */
export async function listJobs(
  store: Store,
  filter: JobFilter,
): Promise<{ jobs: JobView[]; next: string | null }> {
  let query = store.db.selectFrom('jobs').selectAll();
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  const rows = await query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  return {
    jobs: page.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: (jobStatuses as readonly string[]).includes(row.status) ? (row.status as JobStatus) : 'failed',
      attempts: row.attempts,
      maxAttempts: row.max_attempts,
      idempotencyKey: row.idempotency_key,
      runAt: row.run_at,
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      lastError: row.last_error,
    })),
    next: rows.length > filter.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
