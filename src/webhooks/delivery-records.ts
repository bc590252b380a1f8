import { Type, type Static } from 'typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { DELIVERY_STATUSES, type DeliveryStatus } from './webhook-event-kinds.ts';

/** One HTTP attempt as the API shows it. */
export const WebhookAttemptSchema = Type.Object({
  attempt: Type.Integer(),
  at: Type.String(),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  durationMs: Type.Integer(),
});

/** One delivery of an event to an endpoint, with its attempts. */
export const WebhookDeliverySchema = Type.Object({
  id: Type.String(),
  eventId: Type.String({ description: 'The idempotency id receivers see in the body and Privet-Event-Id' }),
  eventType: Type.String(),
  endpointId: Type.String(),
  status: Type.Enum(DELIVERY_STATUSES),
  attempts: Type.Array(WebhookAttemptSchema),
  maxAttempts: Type.Integer(),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  lastStatusCode: Type.Union([Type.Integer(), Type.Null()]),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;

/** Which deliveries to list, newest first. */
export interface DeliveryFilter {
  readonly endpointId?: string;
  readonly eventId?: string;
  readonly status?: DeliveryStatus;
  readonly ids?: readonly string[];
  readonly limit?: number;
}

/** Deliveries matching the filter, newest first, each with its attempts in order. */
export async function listDeliveries(
  db: Kysely<Database>,
  filter: DeliveryFilter = {},
): Promise<WebhookDelivery[]> {
  if (filter.ids !== undefined && filter.ids.length === 0) return [];
  let query = db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .selectAll('d')
    .select('e.kind');
  if (filter.endpointId !== undefined) query = query.where('d.endpoint_id', '=', filter.endpointId);
  if (filter.eventId !== undefined) query = query.where('d.event_id', '=', filter.eventId);
  if (filter.status !== undefined) query = query.where('d.status', '=', filter.status);
  if (filter.ids !== undefined) query = query.where('d.id', 'in', filter.ids);
  const rows = await query
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  const attempts =
    rows.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempts')
          .selectAll()
          .where(
            'delivery_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('attempt')
          .orderBy('at')
          .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    eventType: row.kind,
    endpointId: row.endpoint_id,
    status: row.status as DeliveryStatus,
    attempts: attempts
      .filter((a) => a.delivery_id === row.id)
      .map((a) => ({
        attempt: a.attempt,
        at: a.at,
        statusCode: a.status_code,
        error: a.error,
        durationMs: a.duration_ms,
      })),
    maxAttempts: row.max_attempts,
    nextAttemptAt: row.next_attempt_at,
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }));
}
