import PgBoss from 'pg-boss';
import { PrivetError } from '../domain/errors.ts';
import { defaultBackoff } from './backoff-delay.ts';
import { claimBossJobs, type BossClaim } from './claim-boss-jobs.ts';
import { defaultWorkerId } from './default-worker-id.ts';
import { finishAttempt } from './job-attempts.ts';
import { silentLogger } from './job-logger.ts';
import { cancelQueuedJob, countJobsByStatus, getJobView, insertJobRow } from './job-records.ts';
import { kyselyBossDb } from './kysely-boss-db.ts';
import { newJobRow } from './new-job-row.ts';
import type { JobQueue, JobQueueDeps, JobQueueOptions } from './queue.ts';
import { runJobHandler } from './run-job-handler.ts';
import { runScheduler } from './run-scheduler.ts';
import { runWorkerLoop } from './run-worker-loop.ts';
import { privetBossQueue, sendBossJob } from './send-boss-job.ts';
import { createWakeTimer } from './wake-timer.ts';

/** pg-boss keeps its tables in this schema of Privet's database. */
export const pgBossSchema = 'pgboss';

/**
 * The queue for many nodes on PostgreSQL: pg-boss hands each message to one worker (SKIP LOCKED) and redelivers
 * it when a worker dies; the `jobs` row, written in the same transactions as the pg-boss calls, stays the record.
 */
export function createPgBossQueue(deps: JobQueueDeps, options: JobQueueOptions = {}): JobQueue {
  const { store, clock, registry } = deps;
  if (store.dialect !== 'postgres')
    throw new PrivetError('config_invalid', 'The pg-boss job queue needs a PostgreSQL store');
  const log = deps.log ?? silentLogger;
  const worker = deps.workerId ?? defaultWorkerId();
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const timer = createWakeTimer();
  const boss = new PgBoss({
    db: kyselyBossDb(store.db),
    schema: pgBossSchema,
    // Privet's own scheduler enqueues schedule slots, so pg-boss's cron and clock monitor stay off.
    schedule: false,
    supervise: true,
    migrate: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
  });
  // An EventEmitter without an 'error' listener would crash the process on pg-boss's maintenance errors.
  boss.on('error', (error) => log.error({ err: error }, 'pg-boss reported an error'));

  let starting: Promise<void> | undefined;
  const ready = async (): Promise<void> => {
    // pg-boss's create_queue deadlocks when processes create the same queue at once (a fresh database, all
    // replicas starting), so setup holds a lock; pg-boss's own statements run on other pooled connections.
    starting ??= store
      .transaction(
        async () => {
          await boss.start();
          await boss.createQueue(privetBossQueue);
        },
        { lock: 'privet:jobs:pg-boss-setup' },
      )
      .catch((error: unknown) => {
        starting = undefined;
        throw error;
      });
    await starting;
  };

  const enqueue: JobQueue['enqueue'] = async (kind, payload, enqueueOptions = {}) => {
    enqueueOptions.signal?.throwIfAborted();
    const row = newJobRow(registry, kind, payload, enqueueOptions, clock.now());
    await ready();
    const result = await store.transaction(async (trx) => {
      const inserted = await insertJobRow(trx, row);
      if (inserted.created) {
        const job = { id: row.id, maxAttempts: row.max_attempts };
        await sendBossJob(boss, kyselyBossDb(trx), job, new Date(row.run_at), registry.get(kind));
      }
      return inserted;
    });
    if (result.created) timer.wake();
    return result;
  };

  const runClaimed = async ({ job, bossId }: BossClaim, signal: AbortSignal): Promise<void> => {
    const started = performance.now();
    // No lease renewal here: pg-boss expiry (the job's timeout plus a grace) is what hands a job to another worker.
    const result = await runJobHandler(
      registry,
      job,
      { shutdown: signal, leaseLost: new AbortController().signal },
      log,
      enqueue,
    );
    const definition = registry.get(job.kind);
    const finish = await store.transaction(async (trx) => {
      const done = await finishAttempt(
        trx,
        job,
        worker,
        result,
        clock.now(),
        definition?.backoff ?? defaultBackoff,
      );
      // A lost job was redelivered to another worker, whose message is now the live one.
      if (done.outcome === 'lost') return done;
      const db = kyselyBossDb(trx);
      if (done.status === 'queued' && done.runAt !== undefined) {
        await sendBossJob(boss, db, { id: job.id, maxAttempts: job.maxAttempts }, done.runAt, definition);
      }
      await boss.complete(privetBossQueue, bossId, { outcome: done.outcome }, { db });
      return done;
    });
    if (finish.outcome !== 'completed') {
      log.warn(
        { jobId: job.id, kind: job.kind, attempt: job.attempt, outcome: finish.outcome },
        'job attempt did not complete',
      );
    }
    deps.onJobFinished?.(job.kind, finish.outcome, (performance.now() - started) / 1000);
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
      await ready();
      const scheduling =
        schedules && registry.schedules.length > 0
          ? runScheduler({
              queue: { enqueue },
              schedules: registry.schedules,
              clock,
              signal,
              tickMs: options.scheduleTickMs ?? 5_000,
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
          const batch = await claimBossJobs({ store, boss, registry, limit, worker, now: clock.now() });
          for (const lost of batch.lost) deps.onJobFinished?.(lost.kind, 'lost', lost.seconds);
          return batch.claimed;
        },
        run: (claim) => runClaimed(claim, signal),
      });
      await scheduling;
    },
    close: async () => {
      if (starting === undefined) return;
      await starting.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 1_000 });
    },
  };
}
