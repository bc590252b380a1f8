import type { Clock } from '../../domain/clock.ts';
import { isPrivetError, PrivetError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import { emitWebhookEvent } from '../emit-webhook-event.ts';
import type { DeliveryPolicy } from '../webhook-deps.ts';
import { CONSENT_CHANGE_COLUMNS, toConsentChange } from './consent-changed-data.ts';

/** The cursor row of the consent feed in `webhook_cursors`. */
export const CONSENT_CURSOR = 'consent';

/** Consent changes per `consent.changed` event. */
export const CONSENT_BATCH = 500;

async function hasNewConsent(store: Store): Promise<boolean> {
  const cursor = await store.db
    .selectFrom('webhook_cursors')
    .select('position')
    .where('name', '=', CONSENT_CURSOR)
    .executeTakeFirstOrThrow();
  const next = await store.db
    .selectFrom('consent_events')
    .select('seq')
    .where('seq', '>', cursor.position)
    .limit(1)
    .executeTakeFirst();
  return next !== undefined;
}

/** What one dispatch did. */
export interface ConsentDispatch {
  readonly consentEvents: number;
  readonly deliveryIds: string[];
}

/**
 * Turns consent events committed since the cursor into `consent.changed` webhook events, up to
 * CONSENT_BATCH changes each, and moves the cursor in the same transaction. Reading the ledger after the
 * fact keeps the consent write path free of webhook work and loses nothing when a process dies: the ledger's
 * `seq` is assigned under the ledger lock, so a committed event is never passed over. Two dispatchers racing
 * conflict on the cursor and one rolls back.
 */
export async function dispatchConsentChanges(
  deps: { readonly store: Store; readonly clock: Clock; readonly policy?: DeliveryPolicy },
  signal?: AbortSignal,
): Promise<ConsentDispatch> {
  let consentEvents = 0;
  const deliveryIds: string[] = [];
  for (;;) {
    signal?.throwIfAborted();
    // A cheap look first: an idle sweep then takes no write lock at all.
    if (!(await hasNewConsent(deps.store))) return { consentEvents, deliveryIds };
    const batch = await deps.store
      .transaction(async (trx) => {
        const cursor = await trx
          .selectFrom('webhook_cursors')
          .select('position')
          .where('name', '=', CONSENT_CURSOR)
          .executeTakeFirstOrThrow();
        const rows = await trx
          .selectFrom('consent_events')
          .select(CONSENT_CHANGE_COLUMNS)
          .where('seq', '>', cursor.position)
          .orderBy('seq')
          .limit(CONSENT_BATCH)
          .execute();
        const first = rows[0];
        const last = rows.at(-1);
        if (first === undefined || last === undefined) return { count: 0, deliveryIds: [] };
        const subscribed = await trx
          .selectFrom('webhook_endpoints')
          .select('id')
          .where('deleted_at', 'is', null)
          .where('enabled', '=', 1)
          .where('event_kinds', 'like', '%"consent.changed"%')
          .executeTakeFirst();
        const emitted = subscribed
          ? await emitWebhookEvent(deps, trx, {
              kind: 'consent.changed',
              data: { changes: rows.map(toConsentChange) },
              sourceKey: `consent:${first.seq}-${last.seq}`,
            })
          : { deliveryIds: [] };
        const moved = await trx
          .updateTable('webhook_cursors')
          .set({ position: last.seq, updated_at: deps.clock.now().toISOString() })
          .where('name', '=', CONSENT_CURSOR)
          .where('position', '=', cursor.position)
          .executeTakeFirst();
        if (moved.numUpdatedRows === 0n) {
          throw new PrivetError('conflict', 'Another worker dispatched these consent changes');
        }
        return { count: rows.length, deliveryIds: emitted.deliveryIds };
      })
      .catch((error: unknown) => {
        // The other dispatcher carries on from where it moved the cursor.
        if (isPrivetError(error, 'conflict')) return { count: 0, deliveryIds: [] };
        throw error;
      });
    consentEvents += batch.count;
    deliveryIds.push(...batch.deliveryIds);
    if (batch.count < CONSENT_BATCH) return { consentEvents, deliveryIds };
  }
}
