import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import { PrivetError } from '../../domain/errors.ts';
import type { RequestDeps } from '../request-deps.ts';

/** A fixed-window limit: at most `max` hits per `windowMs`. */
export interface ThrottleLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** Per-address limits of the public request routes (per IP limits sit on the routes themselves). */
export const ADDRESS_LIMITS = {
  submit: { max: 5, windowMs: 3_600_000 },
  verify: { max: 20, windowMs: 3_600_000 },
  resend: { max: 3, windowMs: 600_000 },
  download: { max: 10, windowMs: 3_600_000 },
} as const satisfies Record<string, ThrottleLimit>;

/**
 * Counts one hit against `key` in the store (so the limit holds across replicas) and throws `rate_limited`
 * past the limit. Keys are HMACed with the secret: no email address is stored here.
 */
export async function hitThrottle(
  deps: Pick<RequestDeps, 'store' | 'clock' | 'config'>,
  key: string,
  limit: ThrottleLimit,
): Promise<void> {
  const now = deps.clock.now().getTime();
  const windowStart = new Date(now - (now % limit.windowMs)).toISOString();
  const keyHash = createHmac('sha256', deps.config.secret).update(`throttle:${key}`).digest('hex');
  const row = await deps.store.db
    .insertInto('request_throttle')
    .values({ key_hash: keyHash, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(['key_hash', 'window_start'])
        .doUpdateSet({ count: sql<number>`request_throttle.count + 1` }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  if (Number(row.count) > limit.max) {
    const retryAfter = Math.ceil((Date.parse(windowStart) + limit.windowMs - now) / 1000);
    throw new PrivetError('rate_limited', `Too many attempts; try again in ${retryAfter} seconds`, {
      issues: [{ code: 'too_many_requests', path: '', message: `retry after ${retryAfter} s` }],
    });
  }
}

/** Drops counters of windows that ended more than a day ago. */
export async function pruneThrottle(deps: Pick<RequestDeps, 'store' | 'clock'>): Promise<void> {
  const before = new Date(deps.clock.now().getTime() - 86_400_000).toISOString();
  await deps.store.db.deleteFrom('request_throttle').where('window_start', '<', before).execute();
}
