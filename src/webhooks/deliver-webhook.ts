import { performance } from 'node:perf_hooks';
import { newId } from '../domain/ids.ts';
import { backoffDelayMs } from '../jobs/backoff-delay.ts';
import { postWebhook } from './post-webhook.ts';
import { SIGNATURE_HEADER, signWebhook } from './sign-webhook.ts';
import { defaultDeliveryPolicy, type DeliveryPolicy, type WebhookDeps } from './webhook-deps.ts';
import { webhookSecretBox } from './webhook-secret-box.ts';

/** What one call of deliverWebhook did. */
export type DeliveryStep = 'delivered' | 'retry_scheduled' | 'gave_up' | 'skipped';

const MAX_ERROR = 300;

/** The body every attempt of a delivery sends: the same bytes each time, so receivers can dedupe by `id`. */
export function webhookBody(event: { id: string; kind: string; data: string; created_at: string }): string {
  return JSON.stringify({
    id: event.id,
    type: event.kind,
    createdAt: event.created_at,
    data: JSON.parse(event.data) as unknown,
  });
}

/**
 * Makes one attempt of a pending delivery when it is due: signs the body with the endpoint's secret, POSTs
 * it, records the attempt (time, status code, error, duration) and either marks the delivery delivered,
 * schedules the next attempt with exponential backoff, or gives up after the last one. A delivery another
 * worker holds, one not yet due (unless `force`), or one whose endpoint is disabled is skipped.
 */
export async function deliverWebhook(
  deps: WebhookDeps & { readonly policy?: DeliveryPolicy },
  deliveryId: string,
  signal: AbortSignal,
  options: { readonly force?: boolean } = {},
): Promise<DeliveryStep> {
  const policy = deps.policy ?? defaultDeliveryPolicy;
  const db = deps.store.db;
  const found = await db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_events as e', 'e.id', 'd.event_id')
    .innerJoin('webhook_endpoints as p', 'p.id', 'd.endpoint_id')
    .select([
      'd.status',
      'd.attempts',
      'd.max_attempts',
      'd.next_attempt_at',
      'e.id as event_id',
      'e.kind',
      'e.data',
      'e.created_at',
      'p.url',
      'p.secret_sealed',
      'p.enabled',
      'p.deleted_at',
    ])
    .where('d.id', '=', deliveryId)
    .executeTakeFirst();
  const start = deps.clock.now();
  if (!found || found.status !== 'pending' || found.enabled !== 1 || found.deleted_at !== null)
    return 'skipped';
  if (!options.force && found.next_attempt_at !== null && found.next_attempt_at > start.toISOString()) {
    return 'skipped';
  }
  const claim = await db
    .updateTable('webhook_deliveries')
    .set({
      attempts: found.attempts + 1,
      claimed_until: new Date(start.getTime() + policy.timeoutMs + 60_000).toISOString(),
    })
    .where('id', '=', deliveryId)
    .where('status', '=', 'pending')
    .where('attempts', '=', found.attempts)
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', start.toISOString())]))
    .executeTakeFirst();
  if (claim.numUpdatedRows === 0n) return 'skipped';
  const attempt = found.attempts + 1;

  const began = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    // Inside the try: a secret that cannot be opened (PRIVET_SECRET changed) is a failed attempt like any other.
    const body = webhookBody({
      id: found.event_id,
      kind: found.kind,
      data: found.data,
      created_at: found.created_at,
    });
    const secret = webhookSecretBox(deps.config.secret).open(found.secret_sealed);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Privet-Webhooks/1',
      [SIGNATURE_HEADER]: signWebhook(secret, start, body),
      'privet-event-id': found.event_id,
      'privet-event-type': found.kind,
      'privet-delivery-id': deliveryId,
      'privet-delivery-attempt': String(attempt),
    };
    const timeout = AbortSignal.timeout(policy.timeoutMs);
    const response = await postWebhook(
      found.url,
      body,
      headers,
      { allowLocal: deps.config.webhooksAllowLocal },
      AbortSignal.any([signal, timeout]),
    );
    statusCode = response.statusCode;
    if (statusCode < 200 || statusCode > 299) {
      error = `HTTP ${statusCode}${response.excerpt ? `: ${response.excerpt}` : ''}`.slice(0, MAX_ERROR);
    }
  } catch (cause) {
    error = (cause instanceof Error ? cause.message : String(cause)).slice(0, MAX_ERROR) || 'request failed';
  }
  const durationMs = Math.round(performance.now() - began);
  const end = deps.clock.now();
  const at = end.toISOString();
  const step: DeliveryStep =
    error === null ? 'delivered' : attempt >= found.max_attempts ? 'gave_up' : 'retry_scheduled';
  const delay = backoffDelayMs({ baseMs: policy.baseDelayMs, factor: 2, maxMs: policy.maxDelayMs }, attempt);
  await deps.store.transaction(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({
        id: newId('wha', start),
        delivery_id: deliveryId,
        attempt,
        at: start.toISOString(),
        status_code: statusCode,
        error,
        duration_ms: durationMs,
      })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: step === 'delivered' ? 'delivered' : step === 'gave_up' ? 'failed' : 'pending',
        claimed_until: null,
        last_status_code: statusCode,
        last_error: error,
        updated_at: at,
        next_attempt_at: step === 'retry_scheduled' ? new Date(end.getTime() + delay).toISOString() : null,
        finished_at: step === 'retry_scheduled' ? null : at,
      })
      .where('id', '=', deliveryId)
      .execute();
  });
  return step;
}
