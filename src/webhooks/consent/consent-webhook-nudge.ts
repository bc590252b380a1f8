import type { JobQueue } from '../../jobs/queue.ts';

/** Job kind that dispatches new consent changes and makes their first delivery attempts. */
export const CONSENT_JOB_KIND = 'webhooks.consent';

/** Wakes the consent dispatcher soon after consent was committed, at most once per delay. */
export interface ConsentWebhookNudge {
  /** Called after a consent batch committed; never waits and never throws. */
  poke(): void;
  /** Drops a pending wake-up (the sweep catches up later). */
  close(): void;
}

/**
 * Coalesces wake-ups: however many consent batches commit within `delayMs`, one job is enqueued, so the
 * consent write path pays nothing but a timer check. A lost wake-up only delays delivery until the sweep.
 */
export function createConsentWebhookNudge(
  queue: Pick<JobQueue, 'enqueue'>,
  delayMs = 1_000,
): ConsentWebhookNudge {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  return {
    poke: () => {
      if (closed || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void queue.enqueue(CONSENT_JOB_KIND, {}).catch(() => undefined);
      }, delayMs);
      timer.unref();
    },
    close: () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}
