import type { Config } from '../config/load-config.ts';
import type { Clock } from '../domain/clock.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Store } from '../store/store.ts';

/** What webhook use cases need. */
export interface WebhookDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly config: Pick<Config, 'secret' | 'webhooksAllowLocal'>;
  /** When given, new deliveries are handed to a job at once; otherwise the sweep finds them. */
  readonly queue?: Pick<JobQueue, 'enqueue'> | undefined;
}

/** Retry policy of deliveries; tests shorten it. */
export interface DeliveryPolicy {
  /** Attempts before a delivery is given up as `failed`. */
  readonly maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each further failure, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** One attempt's limit for connecting, sending and reading the answer. */
  readonly timeoutMs: number;
}

/** About a day of retries: 30 s, 1 min, 2 min … capped at 6 h, ten attempts in all. */
export const defaultDeliveryPolicy: DeliveryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  timeoutMs: 10_000,
};
