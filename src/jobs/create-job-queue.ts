import { createInProcessQueue } from './in-process-queue.ts';
import { createPgBossQueue } from './pg-boss-queue.ts';
import type { JobQueue, JobQueueDeps, JobQueueOptions } from './queue.ts';

/** The queue that fits the store: pg-boss on PostgreSQL (many nodes), the in-process queue on SQLite. */
export function createJobQueue(deps: JobQueueDeps, options: JobQueueOptions = {}): JobQueue {
  return deps.store.dialect === 'postgres'
    ? createPgBossQueue(deps, options)
    : createInProcessQueue(deps, options);
}
