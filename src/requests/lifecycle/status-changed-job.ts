import { Type } from 'typebox';
import type { Clock } from '../../domain/clock.ts';
import { defineJob } from '../../jobs/job-definition.ts';
import type { Store } from '../../store/store.ts';
import type { RequestDeps } from '../request-deps.ts';
import type { RequestStatus, RequestType } from '../request-vocabulary.ts';
import type { RequestStatusChange, RequestStatusListener } from './request-status-listener.ts';

/** The job that tells every status listener about one status event. */
export const STATUS_CHANGED_JOB = 'requests.status-changed';

/** Queues the listeners' job for status events once their transaction committed; without a queue the sweep does it. */
export async function enqueueStatusChanged(
  deps: Pick<RequestDeps, 'queue'>,
  eventIds: readonly string[],
): Promise<void> {
  if (deps.queue === undefined) return;
  for (const eventId of eventIds) {
    await deps.queue.enqueue(
      STATUS_CHANGED_JOB,
      { eventId },
      { idempotencyKey: `${STATUS_CHANGED_JOB}:${eventId}` },
    );
  }
}

/** Calls every listener for one status event not yet delivered, then marks it delivered. */
export async function notifyStatusEvent(
  deps: { readonly store: Store; readonly clock: Clock },
  listeners: readonly RequestStatusListener[],
  eventId: string,
  signal: AbortSignal,
): Promise<void> {
  const event = await deps.store.db
    .selectFrom('request_events as e')
    .innerJoin('requests as r', 'r.id', 'e.request_id')
    .select([
      'e.id',
      'e.request_id',
      'r.type',
      'e.from_status',
      'e.to_status',
      'e.at',
      'e.actor',
      'e.reason',
      'e.notified_at',
    ])
    .where('e.id', '=', eventId)
    .where('e.kind', '=', 'status')
    .executeTakeFirst();
  if (event === undefined || event.notified_at !== null || event.to_status === null) return;
  const change: RequestStatusChange = {
    eventId: event.id,
    requestId: event.request_id,
    type: event.type as RequestType,
    from: event.from_status as RequestStatus | null,
    to: event.to_status as RequestStatus,
    at: event.at,
    actor: event.actor,
    ...(event.reason === null ? {} : { reason: event.reason }),
  };
  for (const listener of listeners) {
    signal.throwIfAborted();
    await listener(change, signal);
  }
  await deps.store.db
    .updateTable('request_events')
    .set({ notified_at: deps.clock.now().toISOString() })
    .where('id', '=', eventId)
    .execute();
}

/** The job behind `requests.status-changed`: a listener that throws makes the job retry. */
export function statusChangedJob(
  deps: { readonly store: Store; readonly clock: Clock },
  listeners: readonly RequestStatusListener[],
) {
  return defineJob({
    kind: STATUS_CHANGED_JOB,
    schema: Type.Object({ eventId: Type.String() }),
    maxAttempts: 10,
    backoff: { baseMs: 10_000, factor: 2, maxMs: 30 * 60_000 },
    handler: async ({ eventId }, ctx) => notifyStatusEvent(deps, listeners, eventId, ctx.signal),
  });
}

/** Status events still undelivered (written by jobs, which have no queue, or lost between commit and enqueue). */
export async function pendingStatusEvents(store: Store, before: string, limit: number): Promise<string[]> {
  const rows = await store.db
    .selectFrom('request_events')
    .select('id')
    .where('kind', '=', 'status')
    .where('notified_at', 'is', null)
    .where('at', '<=', before)
    .orderBy('at')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
