import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import type { Database } from '../store/schema.ts';
import type { ConsentSubject } from './consent-subject.ts';
import type { ConsentAction, ConsentMethod } from './consent-vocabulary.ts';

/** The latest event about one purpose for one subject. */
export const ConsentStateEntrySchema = Type.Object({
  purposeKey: Type.String(),
  categoryKey: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  method: Type.String(),
  noticeVersion: Type.String(),
  noticeHash: Type.String(),
  eventId: Type.String(),
  eventSeq: Type.Integer(),
  at: Type.String(),
});
export type ConsentStateEntry = Static<typeof ConsentStateEntrySchema> & {
  readonly action: ConsentAction;
  readonly method: ConsentMethod;
};

function fromRow(row: Database['consent_state']): ConsentStateEntry {
  return {
    purposeKey: row.purpose_key,
    categoryKey: row.category_key,
    action: row.action as ConsentAction,
    method: row.method as ConsentMethod,
    noticeVersion: row.notice_version,
    noticeHash: row.notice_hash,
    eventId: row.event_id,
    eventSeq: row.event_seq,
    at: row.at,
  };
}

/** Every purpose the subject has a consent event for, with the latest one: one indexed read, no ledger scan. */
export async function readConsentState(
  db: Kysely<Database>,
  subject: ConsentSubject,
): Promise<ConsentStateEntry[]> {
  const rows = await db
    .selectFrom('consent_state')
    .selectAll()
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('purpose_key')
    .execute();
  return rows.map(fromRow);
}

/** The latest event about one purpose for one subject (what a purpose decision reads), or undefined. */
export async function readPurposeState(
  db: Kysely<Database>,
  subject: ConsentSubject,
  purposeKey: string,
): Promise<ConsentStateEntry | undefined> {
  const row = await db
    .selectFrom('consent_state')
    .selectAll()
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('purpose_key', '=', purposeKey)
    .executeTakeFirst();
  return row === undefined ? undefined : fromRow(row);
}
