import type { JobDefinition } from './job-definition.ts';
import type { EnqueueOptions, EnqueueResult, JobQueue } from './queue.ts';

/** Enqueues a job through its definition, so the payload is type-checked against the job's schema. */
export function enqueueJob<P>(
  queue: Pick<JobQueue, 'enqueue'>,
  job: JobDefinition<P>,
  payload: P,
  options?: EnqueueOptions,
): Promise<EnqueueResult> {
  return queue.enqueue(job.kind, payload, options);
}
