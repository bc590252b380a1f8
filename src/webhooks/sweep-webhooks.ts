import { deliverWebhook } from './deliver-webhook.ts';
import type { DeliveryPolicy, WebhookDeps } from './webhook-deps.ts';

const SWEEP_BATCH = 100;

/** What one sweep did, for the job log and tests. */
export interface SweepResult {
  readonly attempted: number;
  readonly delivered: number;
}

/**
 * Makes one attempt for each due pending delivery of a live, enabled endpoint: the first attempt of those no
 * job took yet, and the retries whose backoff has passed.
 */
export async function sweepWebhooks(
  deps: WebhookDeps & { readonly policy?: DeliveryPolicy },
  signal: AbortSignal,
): Promise<SweepResult> {
  const now = deps.clock.now().toISOString();
  const due = await deps.store.db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_endpoints as p', 'p.id', 'd.endpoint_id')
    .select('d.id')
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<=', now)]))
    .where('p.enabled', '=', 1)
    .where('p.deleted_at', 'is', null)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(SWEEP_BATCH)
    .execute();
  let delivered = 0;
  for (const { id } of due) {
    signal.throwIfAborted();
    if ((await deliverWebhook(deps, id, signal)) === 'delivered') delivered += 1;
  }
  return { attempted: due.length, delivered };
}
