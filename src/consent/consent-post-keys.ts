import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import type { Dialect } from '../store/store.ts';
import { consentEventFromRow, type ConsentEvent } from './consent-event.ts';
import type { ConsentSubmission } from './consent-submission.ts';
import { insertRows } from './insert-rows.ts';

/** What the first post with an idempotency key recorded: a retry answers with it. */
export interface StoredPost {
  readonly receiptIds: string[];
  readonly recordedAt: string;
}

/**
 * The key under which a submission's idempotency key is kept, or undefined without one. Scoped by the
 * device (or person), so that one device's keys can neither collide with nor probe another's.
 */
export function postKeyOf(submission: ConsentSubmission): string | undefined {
  if (submission.idempotencyKey === undefined) return undefined;
  const scope = submission.deviceId ?? `person:${submission.personId ?? ''}`;
  return `${scope}\u0000${submission.idempotencyKey}`;
}

/** The stored posts of the submissions' keys, by `postKeyOf`; in the ledger's transaction, so a retry racing its original waits. */
export async function readPostKeys(
  trx: Kysely<Database>,
  submissions: readonly ConsentSubmission[],
): Promise<Map<string, StoredPost>> {
  const keys = [
    ...new Set(submissions.flatMap((s) => (s.idempotencyKey === undefined ? [] : [s.idempotencyKey]))),
  ];
  const found = new Map<string, StoredPost>();
  if (keys.length === 0) return found;
  const rows = await trx
    .selectFrom('consent_post_keys')
    .selectAll()
    .where('idempotency_key', 'in', keys)
    .execute();
  for (const row of rows) {
    found.set(`${row.scope}\u0000${row.idempotency_key}`, {
      receiptIds: JSON.parse(row.receipt_ids) as string[],
      recordedAt: row.recorded_at,
    });
  }
  return found;
}

/** Keeps the keys of freshly recorded posts, in the transaction that appends their events. */
export async function savePostKeys(
  trx: Kysely<Database>,
  dialect: Dialect,
  posts: readonly { readonly postKey: string; readonly stored: StoredPost }[],
): Promise<void> {
  const rows = posts.map(({ postKey, stored }) => {
    const split = postKey.lastIndexOf('\u0000');
    return {
      scope: postKey.slice(0, split),
      idempotency_key: postKey.slice(split + 1),
      receipt_ids: JSON.stringify(stored.receiptIds),
      recorded_at: stored.recordedAt,
    };
  });
  await insertRows(
    trx,
    dialect,
    {
      table: 'consent_post_keys',
      columns: ['scope', 'idempotency_key', 'receipt_ids', 'recorded_at'].map((name) => ({
        name,
        pgType: 'text',
      })),
    },
    rows,
  );
}

/** The events a stored post recorded, in chain order, for answering its retry. */
export async function loadPostEvents(
  trx: Kysely<Database>,
  receiptIds: readonly string[],
): Promise<Map<string, ConsentEvent>> {
  const events = new Map<string, ConsentEvent>();
  if (receiptIds.length === 0) return events;
  const rows = await trx.selectFrom('consent_events').selectAll().where('id', 'in', receiptIds).execute();
  for (const row of rows) events.set(row.id, consentEventFromRow(row));
  return events;
}
