import { PrivetError } from '../domain/errors.ts';
import { defaultBackoff } from './backoff-delay.ts';
import { claimDueJobs } from './claim-due-jobs.ts';
import { defaultWorkerId } from './default-worker-id.ts';
import { finishAttempt, type ClaimedJob } from './job-attempts.ts';
import { silentLogger } from './job-logger.ts';
import { cancelQueuedJob, countJobsByStatus, getJobView, insertJobRow } from './job-records.ts';
import { newJobRow } from './new-job-row.ts';
import type { JobQueue, JobQueueDeps, JobQueueOptions } from './queue.ts';
import { runJobHandler } from './run-job-handler.ts';
import { runScheduler } from './run-scheduler.ts';
import { runWorkerLoop } from './run-worker-loop.ts';
import { startLeaseHeartbeat } from './lease-heartbeat.ts';
import { createWakeTimer } from './wake-timer.ts';

/**
 * The queue over the store's own `jobs` table: leases claimed in write transactions, polled, renewed while a job
 * runs and taken over once expired. Works on either store; the default for SQLite (one node).
 */
export function createInProcessQueue(deps: JobQueueDeps, options: JobQueueOptions = {}): JobQueue {
  const { store, clock, registry } = deps;
  const log = deps.log ?? silentLogger;
  const worker = deps.workerId ?? defaultWorkerId();
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 10_000;
  const scheduleTickMs = options.scheduleTickMs ?? 5_000;
  const timer = createWakeTimer();

  const runClaimed = async (job: ClaimedJob, signal: AbortSignal): Promise<void> => {
    const started = performance.now();
    const lease = new AbortController();
    const heartbeat = startLeaseHeartbeat({
      store,
      clock,
      job,
      worker,
      leaseMs,
      log,
      onLost: () => lease.abort(),
    });
    const result = await runJobHandler(
      registry,
      job,
      { shutdown: signal, leaseLost: lease.signal },
      log,
      (kind, payload, options) => enqueue(kind, payload, options),
    );
    await heartbeat.stop();
    const backoff = registry.get(job.kind)?.backoff ?? defaultBackoff;
    const finish = await store.transaction((trx) =>
      finishAttempt(trx, job, worker, result, clock.now(), backoff),
    );
    if (finish.outcome !== 'completed') {
      log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempt, outcome: finish.outcome },
        'job attempt did not complete',
      );
    }
    deps.onJobFinished?.(job.kind, finish.outcome, (performance.now() - started) / 1000);
  };

  const enqueue: JobQueue['enqueue'] = async (kind, payload, enqueueOptions = {}) => {
    enqueueOptions.signal?.throwIfAborted();
    const row = newJobRow(registry, kind, payload, enqueueOptions, clock.now());
    const result = await insertJobRow(store.db, row);
    if (result.created) timer.wake();
    return result;
  };

  return {
    enqueue,
    get: async (id, signal) => {
      signal?.throwIfAborted();
      return getJobView(store.db, id);
    },
    cancel: async (id, signal) => {
      signal?.throwIfAborted();
      return cancelQueuedJob(store.db, id, clock.now());
    },
    depth: async (signal) => {
      signal?.throwIfAborted();
      return countJobsByStatus(store.db);
    },
    work: async ({ signal, concurrency = 1, schedules = true }) => {
      if (!Number.isInteger(concurrency) || concurrency < 1) {
        throw new PrivetError('bad_request', 'concurrency must be a positive integer');
      }
      const scheduling =
        schedules && registry.schedules.length > 0
          ? runScheduler({
              queue: { enqueue },
              schedules: registry.schedules,
              clock,
              signal,
              tickMs: scheduleTickMs,
              log,
            })
          : Promise.resolve();
      await runWorkerLoop({
        signal,
        concurrency,
        pollIntervalMs,
        timer,
        log,
        claim: async (limit) => {
          const batch = await claimDueJobs(store, {
            kinds: registry.kinds,
            limit,
            worker,
            now: clock.now(),
            leaseMs,
          });
          for (const lost of batch.lost) deps.onJobFinished?.(lost.kind, 'lost', lost.seconds);
          return batch.claimed;
        },
        run: (job) => runClaimed(job, signal),
      });
      await scheduling;
    },
    close: async () => undefined,
  };
}
