import { Type } from 'typebox';
import { isPrivetError } from '../domain/errors.ts';
import { defineJob } from '../jobs/job-definition.ts';
import { deliverOutboxEntry, mailMaxAttempts, type DeliverMailDeps } from './deliver-outbox-entry.ts';

export const mailDeliveryJobKind = 'mail.deliver';

/** The idempotency key to enqueue delivery with, so one entry never has two delivery jobs. */
export function mailDeliveryIdempotencyKey(outboxId: string): string {
  return `${mailDeliveryJobKind}:${outboxId}`;
}

/** The job that delivers one outbox entry; what it throws is transient, so the queue retries it. */
export function mailDeliveryJob(deps: DeliverMailDeps) {
  return defineJob({
    kind: mailDeliveryJobKind,
    schema: Type.Object({ outboxId: Type.String() }),
    maxAttempts: mailMaxAttempts,
    backoff: { baseMs: 30_000, factor: 2, maxMs: 30 * 60_000 },
    timeoutMs: 5 * 60_000,
    handler: async ({ outboxId }, ctx) => {
      try {
        await deliverOutboxEntry(deps, outboxId, ctx.signal);
      } catch (error) {
        // The entry's transaction rolled back (or it was purged): there is nothing to send, now or later.
        if (isPrivetError(error, 'not_found')) return;
        throw error;
      }
    },
  });
}
