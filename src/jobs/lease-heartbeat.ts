import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { ClaimedJob } from './job-attempts.ts';
import type { JobLogger } from './job-logger.ts';

export interface LeaseHeartbeat {
  /** Stops renewing and waits for a renewal in flight, so the attempt can be finished after it. */
  stop(): Promise<void>;
}

/**
 * Renews a claimed job's lease every third of its length, so a short lease (quick recovery after a crash) does not
 * limit how long a job may run. Calls `onLost` when the row is no longer this worker's: someone reclaimed it.
 */
export function startLeaseHeartbeat(options: {
  readonly store: Store;
  readonly clock: Clock;
  readonly job: ClaimedJob;
  readonly worker: string;
  readonly leaseMs: number;
  readonly log: JobLogger;
  readonly onLost: () => void;
}): LeaseHeartbeat {
  const { store, clock, job, worker, leaseMs, log } = options;
  let inFlight: Promise<void> = Promise.resolve();
  const renew = async (): Promise<void> => {
    const now = clock.now();
    try {
      const result = await store.db
        .updateTable('jobs')
        .set({ locked_until: new Date(now.getTime() + leaseMs).toISOString(), updated_at: now.toISOString() })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('locked_by', '=', worker)
        .where('attempts', '=', job.attempt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) options.onLost();
    } catch (error) {
      // A missed renewal is not yet a lost lease; the next tick tries again.
      log.warn({ err: error, jobId: job.id }, 'could not renew a job lease');
    }
  };
  const timer = setInterval(
    () => {
      inFlight = inFlight.then(renew);
    },
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  return {
    stop: async () => {
      clearInterval(timer);
      await inFlight;
    },
  };
}
