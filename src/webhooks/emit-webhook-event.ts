import type { Kysely } from 'kysely';
import type { Clock } from '../domain/clock.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { defaultDeliveryPolicy, type DeliveryPolicy } from './webhook-deps.ts';

export interface WebhookEventInput {
  readonly kind: string;
  readonly data: unknown;
  /** Emitting again with the same key returns the first event and its deliveries instead of a new one. */
  readonly sourceKey?: string;
  /** Deliver to these endpoints (if live and enabled) instead of the kind's subscribers. */
  readonly endpointIds?: readonly string[];
}

export interface EmittedEvent {
  readonly eventId: string;
  readonly deliveryIds: string[];
  readonly created: boolean;
}

/**
 * Records an event and one pending delivery per receiving endpoint, in the caller's transaction so the
 * event exists exactly when the change behind it does. Delivery happens later, by job.
 */
export async function emitWebhookEvent(
  deps: { readonly clock: Clock; readonly policy?: DeliveryPolicy },
  trx: Kysely<Database>,
  input: WebhookEventInput,
): Promise<EmittedEvent> {
  if (input.sourceKey !== undefined) {
    const existing = await trx
      .selectFrom('webhook_events')
      .select('id')
      .where('source_key', '=', input.sourceKey)
      .executeTakeFirst();
    if (existing) {
      const deliveries = await trx
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('event_id', '=', existing.id)
        .orderBy('id')
        .execute();
      return { eventId: existing.id, deliveryIds: deliveries.map((d) => d.id), created: false };
    }
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const eventId = newId('evt', now);
  await trx
    .insertInto('webhook_events')
    .values({
      id: eventId,
      kind: input.kind,
      data: JSON.stringify(input.data),
      source_key: input.sourceKey ?? null,
      created_at: at,
    })
    .execute();
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_kinds'])
    .where('deleted_at', 'is', null)
    .where('enabled', '=', 1)
    .orderBy('id')
    .execute();
  const targets = endpoints.filter((e) =>
    input.endpointIds === undefined
      ? (JSON.parse(e.event_kinds) as string[]).includes(input.kind)
      : input.endpointIds.includes(e.id),
  );
  const maxAttempts = (deps.policy ?? defaultDeliveryPolicy).maxAttempts;
  const rows = targets.map((endpoint) => ({
    id: newId('whd', now),
    event_id: eventId,
    endpoint_id: endpoint.id,
    status: 'pending',
    attempts: 0,
    max_attempts: maxAttempts,
    next_attempt_at: at,
    claimed_until: null,
    last_status_code: null,
    last_error: null,
    created_at: at,
    updated_at: at,
    finished_at: null,
  }));
  if (rows.length > 0) await trx.insertInto('webhook_deliveries').values(rows).execute();
  return { eventId, deliveryIds: rows.map((r) => r.id), created: true };
}

/** Job kind that makes one delivery attempt. */
export const DELIVER_JOB_KIND = 'webhooks.deliver';

/**
 * Hands new deliveries to jobs at once (after the transaction that created them committed). Without a queue,
 * or when enqueuing fails, the sweep delivers them within its period.
 */
export async function startDeliveries(
  queue: Pick<JobQueue, 'enqueue'> | undefined,
  deliveryIds: readonly string[],
): Promise<void> {
  if (queue === undefined) return;
  for (const deliveryId of deliveryIds) {
    await queue
      .enqueue(DELIVER_JOB_KIND, { deliveryId }, { idempotencyKey: `webhook-delivery:${deliveryId}` })
      .catch(() => undefined);
  }
}
