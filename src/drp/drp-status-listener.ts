import { newId } from '../domain/ids.ts';
import type { RequestStatusListener } from '../requests/lifecycle/request-status-listener.ts';
import { deliverStatusCallback, type CallbackDeps } from './deliver-status-callback.ts';

/**
 * The status listener that owes an agent a callback (spec 2.03) when a request it sent, with a
 * `status_callback`, changes status. The callback is recorded once per status event (the listener may run
 * again) and sent at once; when that fails, the `drp.status-callbacks` job retries it with backoff, so an
 * unreachable agent never holds up the other listeners.
 */
export function drpStatusListener(deps: CallbackDeps): RequestStatusListener {
  return async (change, signal) => {
    const link = await deps.store.db
      .selectFrom('drp_requests')
      .select(['id', 'agent_id', 'status_callback'])
      .where('request_id', '=', change.requestId)
      .executeTakeFirst();
    if (link?.status_callback == null) return;
    // The agent's own exercise created (and maybe verified) the request: its answer already said so.
    const fromExercise =
      change.actor === `drp:${link.agent_id}` && (change.to === 'received' || change.to === 'verified');
    if (fromExercise) return;
    const now = deps.clock.now();
    await deps.store.db
      .insertInto('drp_callbacks')
      .values({
        id: newId('drpcb', now),
        drp_request_id: link.id,
        event_id: change.eventId,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now.toISOString(),
        claimed_until: null,
        last_http_status: null,
        last_error: null,
        sent_status: null,
        created_at: now.toISOString(),
        delivered_at: null,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
    const callback = await deps.store.db
      .selectFrom('drp_callbacks')
      .select('id')
      .where('event_id', '=', change.eventId)
      .executeTakeFirstOrThrow();
    await deliverStatusCallback(deps, callback.id, signal);
  };
}
