// The queue port. Adapters: the in-process queue over the store's `jobs` table (SQLite, single node) and
// the pg-boss queue (PostgreSQL, many nodes). Both keep the `jobs`/`job_runs` tables as the record.
import type { Clock } from '../domain/clock.ts';
import type { Store } from '../store/store.ts';
import type { JobLogger } from './job-logger.ts';
import type { JobRegistry } from './job-registry.ts';

export const jobStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** How one attempt ended, as recorded in `job_runs.outcome` and reported to `onJobFinished`. */
export const attemptOutcomes = ['completed', 'failed', 'interrupted', 'lost'] as const;
export type AttemptOutcome = (typeof attemptOutcomes)[number];

export interface EnqueueOptions {
  /** Enqueuing twice with the same key yields one job: the second call returns the first job's id. */
  readonly idempotencyKey?: string;
  readonly runAt?: Date;
  /** Overrides the job definition's `maxAttempts`. */
  readonly maxAttempts?: number;
  readonly signal?: AbortSignal;
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
  /** Whether this worker also enqueues the registry's scheduled jobs (default true; duplicates are harmless). */
  readonly schedules?: boolean;
}

export interface JobQueue {
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<EnqueueResult>;
  get(id: string, signal?: AbortSignal): Promise<JobView | undefined>;
  /** Cancels a job that has not started yet; false when it is running or finished. */
  cancel(id: string, signal?: AbortSignal): Promise<boolean>;
  /** Number of jobs per status, for /metrics and the admin console. */
  depth(signal?: AbortSignal): Promise<Record<JobStatus, number>>;
  /** Runs jobs until the signal aborts, then waits for the running ones. */
  work(options: WorkerOptions): Promise<void>;
  /** Releases the adapter's resources; the store stays open (its owner closes it). */
  close(): Promise<void>;
}

/** Everything an adapter needs; both adapters take the same deps. */
export interface JobQueueDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly registry: JobRegistry;
  /** Names this process in `jobs.locked_by` and `job_runs.worker`; defaults to host, pid and a random tag. */
  readonly workerId?: string;
  readonly log?: JobLogger;
  /** Called after every attempt, e.g. to count jobs for Prometheus. */
  readonly onJobFinished?: (kind: string, outcome: AttemptOutcome, seconds: number) => void;
}

/** Adapter tuning; the defaults suit production, tests shorten them. */
export interface JobQueueOptions {
  /** How often an idle worker looks for due jobs (default 1 s). */
  readonly pollIntervalMs?: number;
  /** How often a worker enqueues the current slot of each schedule (default 5 s). */
  readonly scheduleTickMs?: number;
  /**
   * In-process adapter: how long a claim holds before another worker may take the job over (default 10 s,
   * renewed every third of it while the job runs), hence how soon a crashed worker's jobs run again.
   */
  readonly leaseMs?: number;
  /** pg-boss adapter: how often pg-boss expires the messages of crashed workers (default 60 s). */
  readonly maintenanceIntervalSeconds?: number;
}
