import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { subscriptionFromRow, type Subscription, type SubscriptionStatus } from './subscription.ts';

/** A LIKE pattern matching addresses that contain `text` literally (`%`, `_` and backslash escaped). */
function containing(text: string): string {
  return `%${text
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A page of a list's subscribers by address, optionally only addresses containing `q`; `next` is the `after`
 * of the following page (keyset paging: any list size, each page one indexed range read).
 */
export async function listSubscribers(
  db: Kysely<Database>,
  listKey: string,
  page: {
    readonly status?: SubscriptionStatus | undefined;
    readonly q?: string | undefined;
    readonly limit: number;
    readonly after?: string | undefined;
  },
): Promise<{ readonly subscribers: Subscription[]; readonly next: string | null }> {
  let query = db.selectFrom('marketing_subscriptions').selectAll().where('list_key', '=', listKey);
  if (page.status !== undefined) query = query.where('status', '=', page.status);
  if (page.after !== undefined) query = query.where('email', '>', page.after);
  if (page.q !== undefined && page.q.trim() !== '') {
    query = query.where(sql<boolean>`email like ${containing(page.q)} escape '\\'`);
  }
  const rows = await query
    .orderBy('email')
    .limit(page.limit + 1)
    .execute();
  const subscribers = rows.slice(0, page.limit).map(subscriptionFromRow);
  return {
    subscribers,
    next: rows.length > page.limit ? (subscribers[subscribers.length - 1]?.email ?? null) : null,
  };
}

/** Subscriber counts per list and status, for the list overview. */
export async function countSubscribers(
  db: Kysely<Database>,
): Promise<Map<string, Record<SubscriptionStatus, number>>> {
  const rows = await db
    .selectFrom('marketing_subscriptions')
    .select(['list_key', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .groupBy(['list_key', 'status'])
    .execute();
  const counts = new Map<string, Record<SubscriptionStatus, number>>();
  for (const row of rows) {
    const entry = counts.get(row.list_key) ?? { pending: 0, active: 0, unsubscribed: 0 };
    entry[row.status as SubscriptionStatus] = Number(row.n);
    counts.set(row.list_key, entry);
  }
  return counts;
}
