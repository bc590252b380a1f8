import type { JobLogger } from './job-logger.ts';
import type { WakeTimer } from './wake-timer.ts';

/** The claim-and-run loop both adapters share; they differ only in how a job is claimed and settled. */
export interface WorkerLoop<T> {
  readonly signal: AbortSignal;
  readonly concurrency: number;
  readonly pollIntervalMs: number;
  /** Woken by enqueues and finished jobs, so a free slot does not wait out the poll interval. */
  readonly timer: WakeTimer;
  readonly log: JobLogger;
  claim(limit: number): Promise<readonly T[]>;
  run(item: T): Promise<void>;
}

/** Claims up to `concurrency` jobs at a time until the signal aborts, then waits for the running ones. */
export async function runWorkerLoop<T>(loop: WorkerLoop<T>): Promise<void> {
  const running = new Set<Promise<void>>();
  while (!loop.signal.aborted) {
    const free = loop.concurrency - running.size;
    if (free > 0) {
      try {
        for (const item of await loop.claim(free)) {
          const task: Promise<void> = loop
            .run(item)
            .catch((error: unknown) => loop.log.error({ err: error }, 'a job run failed to settle'))
            .finally(() => {
              running.delete(task);
              loop.timer.wake();
            });
          running.add(task);
        }
      } catch (error) {
        // A database hiccup must not stop the worker; the next poll tries again.
        if (!loop.signal.aborted) loop.log.error({ err: error }, 'could not claim jobs');
      }
    }
    await loop.timer.wait(loop.pollIntervalMs, loop.signal);
  }
  while (running.size > 0) await Promise.allSettled([...running]);
}
