import type { Store } from '../store/store.ts';
import type { OutboxEntry } from './mailer.ts';
import { toOutboxEntry } from './to-outbox-entry.ts';

/** One outbox entry by id, or undefined. */
export async function getOutboxEntry(
  store: Store,
  id: string,
  signal?: AbortSignal,
): Promise<OutboxEntry | undefined> {
  signal?.throwIfAborted();
  const row = await store.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toOutboxEntry(row);
}
