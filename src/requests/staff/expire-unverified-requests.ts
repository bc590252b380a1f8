import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import type { RequestDeps } from '../request-deps.ts';

/** Days a request may wait for its identity to be verified before it expires. */
export const UNVERIFIED_EXPIRY_DAYS = 14;

/**
 * Expires requests received (or verifying) more than UNVERIFIED_EXPIRY_DAYS ago whose identity was never
 * verified. Status listeners hear of it through the notify sweep. Returns how many expired.
 */
export async function expireUnverifiedRequests(deps: RequestDeps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - UNVERIFIED_EXPIRY_DAYS * 86_400_000).toISOString();
  const stale = await deps.store.db
    .selectFrom('requests')
    .select('id')
    .where('status', 'in', ['received', 'verifying'])
    .where('received_at', '<', before)
    .limit(500)
    .execute();
  let expired = 0;
  for (const { id } of stale) {
    try {
      await deps.store.transaction((trx) =>
        transitionRequestIn(deps, trx, {
          requestId: id,
          to: 'expired',
          actor: 'system',
          reason: `Identity not verified within ${UNVERIFIED_EXPIRY_DAYS} days`,
        }),
      );
      expired += 1;
    } catch {
      // Verified or cancelled meanwhile: nothing to expire.
    }
  }
  return expired;
}
