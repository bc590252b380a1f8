import { isPrivetError } from '../domain/errors.ts';
import { deliverOutboxEntry, mailMaxAttempts, type DeliverMailDeps } from './deliver-outbox-entry.ts';

export const mailDeliveryJobKind = 'mail.deliver';

export interface MailDeliveryPayload {
  readonly outboxId: string;
}

export interface MailDeliveryJob {
  readonly kind: typeof mailDeliveryJobKind;
  readonly maxAttempts: number;
  handler(payload: MailDeliveryPayload, ctx: { readonly signal: AbortSignal }): Promise<void>;
}

/** The idempotency key to enqueue delivery with, so one entry never has two delivery jobs. */
export function mailDeliveryIdempotencyKey(outboxId: string): string {
  return `${mailDeliveryJobKind}:${outboxId}`;
}

/** The job that delivers one outbox entry; what it throws is transient, so the queue retries it. */
export function mailDeliveryJob(deps: DeliverMailDeps): MailDeliveryJob {
  return {
    kind: mailDeliveryJobKind,
    maxAttempts: mailMaxAttempts,
    handler: async ({ outboxId }, ctx) => {
      try {
        await deliverOutboxEntry(deps, outboxId, ctx.signal);
      } catch (error) {
        // The entry's transaction rolled back (or it was purged): there is nothing to send, now or later.
        if (isPrivetError(error, 'not_found')) return;
        throw error;
      }
    },
  };
}
