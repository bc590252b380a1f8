import type { Kysely } from 'kysely';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import { backoffDelayMs, type BackoffPolicy } from './backoff-delay.ts';
import type { JobRow } from './job-records.ts';
import type { AttemptOutcome, JobStatus } from './queue.ts';

/** A job this worker holds: the row moved to `running` and a `job_runs` row opened for the attempt. */
export interface ClaimedJob {
  readonly id: string;
  readonly kind: string;
  readonly payload: unknown;
  readonly attempt: number;
  readonly maxAttempts: number;
  readonly idempotencyKey: string | null;
  readonly runId: string;
  readonly startedAt: Date;
}

/** How a handler run ended, before it is written down. */
export type AttemptResult =
  | { readonly outcome: 'completed' }
  | { readonly outcome: 'failed' | 'interrupted' | 'lost'; readonly error: string; readonly detail: string };

/** What finishing an attempt did to the job; `status` is undefined when another worker had taken it over. */
export interface AttemptFinish {
  readonly outcome: AttemptOutcome;
  readonly status: JobStatus | undefined;
  readonly runAt: Date | undefined;
}

const MAX_DETAIL = 8_000;

/** Moves a queued row to `running` for `worker` and opens its run; undefined when the row changed meanwhile. */
export async function startAttempt(
  trx: Kysely<Database>,
  row: JobRow,
  worker: string,
  now: Date,
  lockedUntil: Date,
): Promise<ClaimedJob | undefined> {
  const attempt = row.attempts + 1;
  const at = now.toISOString();
  const updated = await trx
    .updateTable('jobs')
    .set({
      status: 'running',
      attempts: attempt,
      locked_by: worker,
      locked_until: lockedUntil.toISOString(),
      updated_at: at,
    })
    .where('id', '=', row.id)
    .where('status', '=', 'queued')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return undefined;
  const runId = newId('run', now);
  await trx
    .insertInto('job_runs')
    .values({
      id: runId,
      job_id: row.id,
      attempt,
      worker,
      started_at: at,
      finished_at: null,
      outcome: null,
      error: null,
    })
    .execute();
  return {
    id: row.id,
    kind: row.kind,
    payload: JSON.parse(row.payload) as unknown,
    attempt,
    maxAttempts: row.max_attempts,
    idempotencyKey: row.idempotency_key,
    runId,
    startedAt: now,
  };
}

/**
 * Writes an attempt's result: completed, retried after backoff, failed for good, or re-queued after a shutdown.
 * Only the holder of the current attempt may change the job, so a worker that lost its lease changes nothing.
 */
export async function finishAttempt(
  trx: Kysely<Database>,
  job: ClaimedJob,
  worker: string,
  result: AttemptResult,
  now: Date,
  backoff: BackoffPolicy,
): Promise<AttemptFinish> {
  const at = now.toISOString();
  let next = nextState(result, job, now, backoff);
  if (next !== undefined) {
    const updated = await trx
      .updateTable('jobs')
      .set({
        status: next.status,
        locked_by: null,
        locked_until: null,
        last_error: result.outcome === 'completed' ? null : result.error,
        updated_at: at,
        ...(next.runAt === undefined ? { finished_at: at } : { run_at: next.runAt.toISOString() }),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', worker)
      .where('attempts', '=', job.attempt)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) next = undefined;
  }
  const outcome: AttemptOutcome = next === undefined ? 'lost' : result.outcome;
  const detail = result.outcome === 'completed' ? null : result.detail.slice(0, MAX_DETAIL);
  await trx
    .updateTable('job_runs')
    .set({ finished_at: at, outcome, error: outcome === 'lost' && detail === null ? 'lease lost' : detail })
    .where('id', '=', job.runId)
    .execute();
  return { outcome, status: next?.status, runAt: next?.runAt };
}

/** Where the job goes after an attempt; undefined when the lease was lost, as the job is another worker's now. */
function nextState(
  result: AttemptResult,
  job: ClaimedJob,
  now: Date,
  backoff: BackoffPolicy,
): { status: JobStatus; runAt: Date | undefined } | undefined {
  switch (result.outcome) {
    case 'completed':
      return { status: 'completed', runAt: undefined };
    case 'interrupted':
      return { status: 'queued', runAt: now };
    case 'failed':
      return job.attempt < job.maxAttempts
        ? { status: 'queued', runAt: new Date(now.getTime() + backoffDelayMs(backoff, job.attempt)) }
        : { status: 'failed', runAt: undefined };
    case 'lost':
      return undefined;
  }
}

/**
 * Settles a `running` row whose worker is gone (its lease expired): closes the attempt's run as `lost`, then
 * re-queues the job, or fails it when that was its last attempt. Undefined when the row changed meanwhile.
 */
export async function settleLostAttempt(
  trx: Kysely<Database>,
  row: JobRow,
  now: Date,
): Promise<{ readonly next: JobRow; readonly seconds: number } | undefined> {
  const at = now.toISOString();
  const reason = `worker ${row.locked_by ?? '?'} stopped holding the job (lease expired)`;
  const exhausted = row.attempts >= row.max_attempts;
  const changes = {
    status: exhausted ? 'failed' : 'queued',
    locked_by: null,
    locked_until: null,
    last_error: reason,
    updated_at: at,
    ...(exhausted ? { finished_at: at } : { run_at: at }),
  };
  const updated = await trx
    .updateTable('jobs')
    .set(changes)
    .where('id', '=', row.id)
    .where('status', '=', 'running')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return undefined;
  const run = await trx
    .updateTable('job_runs')
    .set({ finished_at: at, outcome: 'lost', error: reason })
    .where('job_id', '=', row.id)
    .where('attempt', '=', row.attempts)
    .where('finished_at', 'is', null)
    .returning('started_at')
    .executeTakeFirst();
  const seconds = run ? Math.max(0, now.getTime() - Date.parse(run.started_at)) / 1000 : 0;
  return { next: { ...row, ...changes }, seconds };
}
