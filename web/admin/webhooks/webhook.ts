export { WEBHOOK_EVENT_KINDS as webhookEventKinds } from '../../../src/webhooks/webhook-event-kinds.ts';

/** An endpoint as /api/admin/webhooks shows it: never its secret, and its URL to admins only (else null). */
export interface WebhookEndpoint {
  readonly id: string;
  readonly name: string;
  readonly url: string | null;
  readonly eventKinds: readonly string[];
  readonly enabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The answer of POST /api/admin/webhooks/:id/rotate-secret: the new secret, shown this once. */
export interface RotatedSecret {
  readonly endpoint: WebhookEndpoint;
  readonly secret: string;
}

/** One try at delivering an event. */
export interface WebhookAttempt {
  readonly attempt: number;
  readonly at: string;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** One event on its way to one endpoint, with every attempt so far. */
export interface WebhookDelivery {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly endpointId: string;
  readonly status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  readonly attempts: readonly WebhookAttempt[];
  readonly maxAttempts: number;
  readonly nextAttemptAt: string | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** What a delivery's last attempt came to, in words. */
export function attemptSummary(delivery: WebhookDelivery): string {
  const last = delivery.attempts.at(-1);
  if (last === undefined) return `${delivery.status}, not tried yet`;
  const answer = last.statusCode === null ? (last.error ?? 'no answer') : `HTTP ${last.statusCode}`;
  return `${delivery.status} (${answer} in ${last.durationMs} ms, attempt ${last.attempt} of ${delivery.maxAttempts})`;
}
