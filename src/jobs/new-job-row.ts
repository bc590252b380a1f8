import { PrivetError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { JobRegistry } from './job-registry.ts';
import type { JobRow } from './job-records.ts';
import type { EnqueueOptions } from './queue.ts';

/** Checks an enqueue request against the registry and builds the queued `jobs` row; throws a PrivetError. */
export function newJobRow(
  registry: JobRegistry,
  kind: string,
  payload: unknown,
  options: EnqueueOptions,
  now: Date,
): JobRow {
  const definition = registry.check(kind, payload);
  const maxAttempts = options.maxAttempts ?? definition.maxAttempts;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new PrivetError('bad_request', 'maxAttempts must be a positive integer');
  }
  const key = options.idempotencyKey;
  if (key !== undefined && (key.length === 0 || key.length > 500)) {
    throw new PrivetError('bad_request', 'An idempotency key must have 1 to 500 characters');
  }
  const runAt = options.runAt ?? now;
  if (Number.isNaN(runAt.getTime())) throw new PrivetError('bad_request', 'runAt is not a valid date');
  let json: string;
  try {
    json = JSON.stringify(payload ?? null);
  } catch (error) {
    throw new PrivetError('validation_failed', `The payload of a "${kind}" job is not JSON`, {
      cause: error,
    });
  }
  const at = now.toISOString();
  return {
    id: newId('job', now),
    kind,
    payload: json,
    idempotency_key: key ?? null,
    status: 'queued',
    attempts: 0,
    max_attempts: maxAttempts,
    run_at: runAt.toISOString(),
    locked_by: null,
    locked_until: null,
    last_error: null,
    created_at: at,
    updated_at: at,
    finished_at: null,
  };
}
