// Test kit: hands a request's undelivered status events to the DRP listener, through the code path of the
// `requests.status-changed` job, as the lead wires the listener into requestJobs.
import type { Config } from '../../config/load-config.ts';
import type { Clock } from '../../domain/clock.ts';
import { notifyStatusEvent } from '../../requests/lifecycle/status-changed-job.ts';
import type { Store } from '../../store/store.ts';
import { drpStatusListener } from '../drp-status-listener.ts';

/** Delivers every pending status event of the request to the DRP status listener. */
export async function deliverStatusEvents(
  deps: { readonly store: Store; readonly clock: Clock; readonly config: Config },
  requestId: string,
): Promise<void> {
  const events = await deps.store.db
    .selectFrom('request_events')
    .select('id')
    .where('request_id', '=', requestId)
    .where('kind', '=', 'status')
    .where('notified_at', 'is', null)
    .orderBy('at')
    .execute();
  for (const { id } of events) {
    await notifyStatusEvent(deps, [drpStatusListener(deps)], id, new AbortController().signal);
  }
}
