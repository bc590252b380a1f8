import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';

/**
 * The recipients of a campaign, a batch at a time by address: subscribed (active) and confirmed through the
 * double opt-in. Pending and unsubscribed addresses are never read.
 */
export function campaignRecipients(db: Kysely<Database>, listKey: string) {
  return db
    .selectFrom('marketing_subscriptions')
    .where('list_key', '=', listKey)
    .where('status', '=', 'active')
    .where('confirmed_at', 'is not', null);
}

/** The next batch of recipients after `cursor` (an address), in address order. */
export async function recipientBatch(
  db: Kysely<Database>,
  listKey: string,
  cursor: string | null,
  size: number,
): Promise<{ email: string; locale: string | null }[]> {
  let query = campaignRecipients(db, listKey).select(['email', 'locale']);
  if (cursor !== null) query = query.where('email', '>', cursor);
  return query.orderBy('email').limit(size).execute();
}

/** How many recipients the list has now. */
export async function countRecipients(db: Kysely<Database>, listKey: string): Promise<number> {
  const row = await campaignRecipients(db, listKey)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
