import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';
import { noticeVersionFromRow, PRIVACY_NOTICE, type NoticeVersion } from './notice-version.ts';

/** The version of the notice in force (the last one published), or undefined before any is published. */
export async function currentNoticeVersion(
  db: Kysely<Database>,
  noticeKey: string = PRIVACY_NOTICE,
): Promise<NoticeVersion | undefined> {
  const row = await db
    .selectFrom('notice_versions')
    .selectAll()
    .where('notice_key', '=', noticeKey)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : noticeVersionFromRow(row);
}

/**
 * The label and text hash of the notice in force, without its text: what each consent batch records, read in
 * the batch's transaction (a publish by any process is seen at once) and cheaper than the whole version.
 */
export async function currentNoticeStamp(
  db: Kysely<Database>,
  noticeKey: string = PRIVACY_NOTICE,
): Promise<Pick<NoticeVersion, 'version' | 'textHash'> | undefined> {
  const row = await db
    .selectFrom('notice_versions')
    .select(['version', 'text_hash'])
    .where('notice_key', '=', noticeKey)
    .where('is_current', '=', 1)
    .executeTakeFirst();
  return row === undefined ? undefined : { version: row.version, textHash: row.text_hash };
}

/** One version by its label, published or not. */
export async function findNoticeVersion(
  db: Kysely<Database>,
  version: string,
  noticeKey: string = PRIVACY_NOTICE,
): Promise<NoticeVersion | undefined> {
  const row = await db
    .selectFrom('notice_versions')
    .selectAll()
    .where('notice_key', '=', noticeKey)
    .where('version', '=', version)
    .executeTakeFirst();
  return row === undefined ? undefined : noticeVersionFromRow(row);
}

/** Every version of a notice, newest first. */
export async function listNoticeVersions(
  db: Kysely<Database>,
  noticeKey: string = PRIVACY_NOTICE,
): Promise<NoticeVersion[]> {
  const rows = await db
    .selectFrom('notice_versions')
    .selectAll()
    .where('notice_key', '=', noticeKey)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(noticeVersionFromRow);
}
