import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { emitWebhookEvent, startDeliveries } from './emit-webhook-event.ts';
import { requireEndpointRow } from './endpoint-repository.ts';
import { defaultDeliveryPolicy, type DeliveryPolicy, type WebhookDeps } from './webhook-deps.ts';
import { TEST_EVENT_KIND } from './webhook-event-kinds.ts';

type Deps = WebhookDeps & { readonly policy?: DeliveryPolicy };

/**
 * Sends an event again to the same endpoint as a new delivery with fresh attempts; the event id stays the
 * same, so a receiver that already has it can ignore it. Audited.
 */
export async function redeliverWebhook(deps: Deps, deliveryId: string, actor: string): Promise<string> {
  const id = await deps.store.transaction(async (trx) => {
    const previous = await trx
      .selectFrom('webhook_deliveries')
      .select(['event_id', 'endpoint_id'])
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    if (!previous) throw new PrivetError('not_found', `No webhook delivery ${deliveryId}`);
    const endpoint = await requireEndpointRow(trx, previous.endpoint_id);
    if (endpoint.enabled !== 1)
      throw new PrivetError('conflict', `Webhook endpoint ${endpoint.id} is disabled`);
    const now = deps.clock.now();
    const at = now.toISOString();
    const newDelivery = newId('whd', now);
    await trx
      .insertInto('webhook_deliveries')
      .values({
        id: newDelivery,
        event_id: previous.event_id,
        endpoint_id: previous.endpoint_id,
        status: 'pending',
        attempts: 0,
        max_attempts: (deps.policy ?? defaultDeliveryPolicy).maxAttempts,
        next_attempt_at: at,
        claimed_until: null,
        last_status_code: null,
        last_error: null,
        created_at: at,
        updated_at: at,
        finished_at: null,
      })
      .execute();
    const details = { previousDelivery: deliveryId, eventId: previous.event_id };
    await appendAudit(
      deps,
      { actor, action: 'webhooks.delivery.redeliver', target: `webhook-delivery:${newDelivery}`, details },
      trx,
    );
    return newDelivery;
  });
  await startDeliveries(deps.queue, [id]);
  return id;
}

/**
 * Records a `webhook.test` event for one endpoint, whatever it subscribes to, and returns its delivery for
 * the caller to attempt at once (the sweep retries it otherwise). Audited.
 */
export async function sendTestEvent(deps: Deps, endpointId: string, actor: string): Promise<string> {
  const emitted = await deps.store.transaction(async (trx) => {
    const endpoint = await requireEndpointRow(trx, endpointId);
    if (endpoint.enabled !== 1)
      throw new PrivetError('conflict', `Webhook endpoint ${endpointId} is disabled`);
    const event = await emitWebhookEvent(deps, trx, {
      kind: TEST_EVENT_KIND,
      data: { message: 'A test event from Privet', endpointId },
      endpointIds: [endpointId],
    });
    await appendAudit(
      deps,
      {
        actor,
        action: 'webhooks.endpoint.test',
        target: `webhook:${endpointId}`,
        details: { eventId: event.eventId },
      },
      trx,
    );
    return event;
  });
  const [deliveryId] = emitted.deliveryIds;
  if (deliveryId === undefined) throw new PrivetError('internal', 'The test event has no delivery');
  return deliveryId;
}
