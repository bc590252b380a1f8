import { Type, type Static } from 'typebox';
import type { Database } from '../../store/schema.ts';

/** Where an address stands on a list: `pending` until the double opt-in is confirmed. */
export const subscriptionStatuses = ['pending', 'active', 'unsubscribed'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** One address on one list as the API shows it. */
export const SubscriptionSchema = Type.Object(
  {
    listKey: Type.String(),
    email: Type.String(),
    status: Type.Enum(subscriptionStatuses),
    locale: Type.Union([Type.String(), Type.Null()]),
    requestedAt: Type.Union([Type.String(), Type.Null()]),
    confirmedAt: Type.Union([Type.String(), Type.Null()]),
    unsubscribedAt: Type.Union([Type.String(), Type.Null()]),
    lastEventId: Type.Union([Type.String(), Type.Null()], {
      description: 'The consent ledger event of the latest change (also its receipt id)',
    }),
    updatedAt: Type.String(),
  },
  { $id: 'MarketingSubscription' },
);
export type Subscription = Static<typeof SubscriptionSchema>;

/** Maps a stored row to the API shape. */
export function subscriptionFromRow(row: Database['marketing_subscriptions']): Subscription {
  return {
    listKey: row.list_key,
    email: row.email,
    status: row.status as SubscriptionStatus,
    locale: row.locale,
    requestedAt: row.requested_at,
    confirmedAt: row.confirmed_at,
    unsubscribedAt: row.unsubscribed_at,
    lastEventId: row.last_event_id,
    updatedAt: row.updated_at,
  };
}
