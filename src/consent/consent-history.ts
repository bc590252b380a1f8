import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { consentEventFromRow, type ConsentEvent } from './consent-event.ts';
import type { ConsentSubject } from './consent-subject.ts';

export interface ConsentHistoryPage {
  readonly events: ConsentEvent[];
  /** The `before` of the next page, or null on the last. */
  readonly next: number | null;
}

/** A subject's consent events, newest first, paged by ledger position. */
export async function listConsentHistory(
  db: Kysely<Database>,
  subject: ConsentSubject,
  page: { readonly limit: number; readonly before?: number | undefined },
): Promise<ConsentHistoryPage> {
  let query = db
    .selectFrom('consent_events')
    .selectAll()
    .where(subject.type === 'person' ? 'person_id' : 'device_id', '=', subject.id);
  if (page.before !== undefined) query = query.where('seq', '<', page.before);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const events = rows.slice(0, page.limit).map(consentEventFromRow);
  return { events, next: rows.length > page.limit ? (events[events.length - 1]?.seq ?? null) : null };
}

/** One event by id (which is also its receipt id), or undefined. */
export async function findConsentEvent(db: Kysely<Database>, id: string): Promise<ConsentEvent | undefined> {
  const row = await db.selectFrom('consent_events').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : consentEventFromRow(row);
}
