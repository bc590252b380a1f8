import type { AttemptResult, ClaimedJob } from './job-attempts.ts';
import { withLogFields, type JobLogger } from './job-logger.ts';
import type { JobContext } from './job-definition.ts';
import type { JobRegistry } from './job-registry.ts';

export interface HandlerSignals {
  /** The worker's shutdown signal. */
  readonly shutdown: AbortSignal;
  /** Aborted when another worker took the job over, so this run must stop touching the world. */
  readonly leaseLost: AbortSignal;
}

/**
 * Runs the handler of a claimed job and classifies how it ended; never throws. `enqueue` is the queue's own, so a
 * handler can queue follow-up jobs.
 */
export async function runJobHandler(
  registry: JobRegistry,
  job: ClaimedJob,
  signals: HandlerSignals,
  log: JobLogger,
  enqueue: NonNullable<JobContext['enqueue']>,
): Promise<AttemptResult> {
  let timeout: AbortSignal | undefined;
  try {
    // A claim that was in flight when the worker was told to stop: hand the job back without starting it.
    signals.shutdown.throwIfAborted();
    // Re-checked at run time: a payload queued by an older release may no longer fit the schema.
    const definition = registry.check(job.kind, job.payload);
    timeout = AbortSignal.timeout(definition.timeoutMs);
    await definition.handler(job.payload, {
      signal: AbortSignal.any([signals.shutdown, signals.leaseLost, timeout]),
      jobId: job.id,
      attempt: job.attempt,
      idempotencyKey: job.idempotencyKey,
      log: withLogFields(log, { jobId: job.id, kind: job.kind, attempt: job.attempt }),
      enqueue,
    });
    return { outcome: 'completed' };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const detail = error instanceof Error ? (error.stack ?? message) : message;
    if (signals.leaseLost.aborted) return { outcome: 'lost', error: 'lease lost to another worker', detail };
    if (signals.shutdown.aborted)
      return { outcome: 'interrupted', error: 'interrupted by worker shutdown', detail };
    if (timeout?.aborted === true) return { outcome: 'failed', error: 'timed out', detail };
    return { outcome: 'failed', error: message, detail };
  }
}
