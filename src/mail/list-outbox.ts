import type { Store } from '../store/store.ts';
import type { OutboxEntry, OutboxStatus } from './mailer.ts';
import { toOutboxEntry } from './to-outbox-entry.ts';

export const defaultOutboxPageSize = 50;
export const maxOutboxPageSize = 200;

export interface OutboxQuery {
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page: entries older than it. */
  readonly before?: string | undefined;
  /** Only messages to this exact address. */
  readonly to?: string | undefined;
  readonly status?: OutboxStatus | undefined;
}

export interface OutboxPage {
  readonly items: readonly OutboxEntry[];
  /** Pass as `before` for the next page; null on the last page. */
  readonly nextCursor: string | null;
}

/** Lists outbox entries newest first, a page at a time. */
export async function listOutbox(
  store: Store,
  query: OutboxQuery = {},
  signal?: AbortSignal,
): Promise<OutboxPage> {
  signal?.throwIfAborted();
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? defaultOutboxPageSize), 1), maxOutboxPageSize);
  // Ids start with their creation time and compare bytewise on both dialects (COLLATE "C" on PostgreSQL),
  // so the id alone orders by age and serves as the cursor.
  let select = store.db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  if (query.to !== undefined) select = select.where('to_address', '=', query.to);
  if (query.status !== undefined) select = select.where('status', '=', query.status);
  const rows = await select.execute();
  const items = rows.slice(0, limit).map(toOutboxEntry);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
