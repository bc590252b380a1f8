import type { JobStatus } from '../../../src/jobs/queue.ts';

/** A background job as /api/admin/jobs lists it. */
export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly idempotencyKey: string | null;
  readonly runAt: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly lastError: string | null;
}

/** One page of jobs, newest first, and the number of jobs per status in the whole queue. */
export interface JobPage {
  readonly jobs: readonly Job[];
  readonly next: string | null;
  readonly depth: Readonly<Record<string, number>>;
}

/** What the job list is narrowed to; empty strings mean no filter. */
export interface JobFilters {
  readonly status: JobStatus | '';
  readonly kind: string;
}
