import type { Static, TSchema } from 'typebox';
import { PrivetError } from '../domain/errors.ts';
import { defaultBackoff, type BackoffPolicy } from './backoff-delay.ts';
import type { JobLogger } from './job-logger.ts';
import type { EnqueueOptions, EnqueueResult } from './queue.ts';

/** What a handler gets besides its payload. */
export interface JobContext {
  /** Aborts on worker shutdown, on the job's timeout and when another worker took the job over. */
  readonly signal: AbortSignal;
  readonly jobId: string;
  /** 1 on the first run; handlers must be idempotent, since a crash can repeat an attempt. */
  readonly attempt: number;
  readonly idempotencyKey: string | null;
  readonly log: JobLogger;
  /**
   * Queues another job on the queue running this one (a job set is built before its queue, so handlers get it
   * here). Absent only where a test calls a handler directly.
   */
  readonly enqueue?: (kind: string, payload: unknown, options?: EnqueueOptions) => Promise<EnqueueResult>;
}

/** A kind of job: its payload schema, retry policy and handler. */
export interface JobDefinition<P = unknown> {
  readonly kind: string;
  readonly schema: TSchema | undefined;
  readonly maxAttempts: number;
  readonly backoff: BackoffPolicy;
  /** An attempt running longer is aborted and counts as failed. */
  readonly timeoutMs: number;
  // A method rather than a function property: method parameters are bivariant, so a JobDefinition<{ key: string }>
  // fits a registry of JobDefinition<unknown>; the registry validates every payload before it reaches here.
  handler(payload: P, ctx: JobContext): Promise<void>;
}

interface JobSpecBase {
  readonly kind: string;
  readonly maxAttempts?: number;
  readonly backoff?: BackoffPolicy;
  readonly timeoutMs?: number;
}

const KIND = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/** Declares a job kind; with a schema, the handler's payload type is the schema's static type. */
export function defineJob<S extends TSchema>(
  spec: JobSpecBase & { readonly schema: S; handler(payload: Static<S>, ctx: JobContext): Promise<void> },
): JobDefinition<Static<S>>;
/** Declares a job kind without a payload schema. */
export function defineJob<P = unknown>(
  spec: JobSpecBase & { readonly schema?: undefined; handler(payload: P, ctx: JobContext): Promise<void> },
): JobDefinition<P>;
export function defineJob<P>(
  spec: JobSpecBase & {
    readonly schema?: TSchema | undefined;
    handler(payload: P, ctx: JobContext): Promise<void>;
  },
): JobDefinition<P> {
  if (!KIND.test(spec.kind))
    throw new PrivetError('internal', `Job kind "${spec.kind}" must look like "area.action"`);
  const maxAttempts = spec.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new PrivetError('internal', `Job kind "${spec.kind}": maxAttempts must be a positive integer`);
  }
  const timeoutMs = spec.timeoutMs ?? 15 * 60_000;
  // pg-boss refuses expiries of a day or more, and a job's expiry is its timeout plus a grace.
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 23 * 3_600_000) {
    throw new PrivetError('internal', `Job kind "${spec.kind}": timeoutMs must be between 1 ms and 23 hours`);
  }
  return {
    kind: spec.kind,
    schema: spec.schema,
    maxAttempts,
    backoff: spec.backoff ?? defaultBackoff,
    timeoutMs,
    handler: (payload, ctx) => spec.handler(payload, ctx),
  };
}
