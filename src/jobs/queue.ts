// The queue port. Adapters: the in-process queue over the store's `jobs` table (SQLite, single node) and
// the pg-boss queue (PostgreSQL, many nodes). Both keep the `jobs`/`job_runs` tables as the record.

export const jobStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface EnqueueOptions {
  /** Enqueuing twice with the same key yields one job: the second call returns the first job's id. */
  readonly idempotencyKey?: string;
  readonly runAt?: Date;
  readonly maxAttempts?: number;
}

export interface EnqueueResult {
  readonly id: string;
  /** False when a job with the same idempotency key already existed. */
  readonly created: boolean;
}

export interface JobView {
  readonly id: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly idempotencyKey: string | null;
  readonly runAt: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly lastError: string | null;
}

export interface WorkerOptions {
  readonly concurrency?: number;
  /** Aborting stops taking new jobs; running handlers see the same signal and the worker resolves when idle. */
  readonly signal: AbortSignal;
}

export interface JobQueue {
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  get(id: string): Promise<JobView | undefined>;
  /** Number of jobs per status, for /metrics and the admin console. */
  depth(): Promise<Record<JobStatus, number>>;
  /** Runs jobs until the signal aborts. */
  work(options: WorkerOptions): Promise<void>;
  close(): Promise<void>;
}
