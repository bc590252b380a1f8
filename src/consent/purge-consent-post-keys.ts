import type { ConsentDeps } from './consent-deps.ts';

const DAY_MS = 86_400_000;

/**
 * Deletes the idempotency keys of banner posts recorded more than `retentionDays` ago, and returns how many.
 * A key only lets a retried post answer with its first receipts; banners retry within minutes, so after the
 * retention window a key protects nothing and would only grow the table. The events themselves stay.
 */
export async function purgeConsentPostKeys(deps: ConsentDeps, retentionDays: number): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - retentionDays * DAY_MS).toISOString();
  // recorded_at holds toISOString() text, whose order is time order; its index serves the range.
  const result = await deps.store.db
    .deleteFrom('consent_post_keys')
    .where('recorded_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
