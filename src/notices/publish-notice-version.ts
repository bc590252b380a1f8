import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import type { Database } from '../store/schema.ts';
import type { NoticeDeps } from './notice-deps.ts';
import { PRIVACY_NOTICE, type NoticeVersion } from './notice-version.ts';
import { findNoticeVersion } from './read-notice-versions.ts';

/** Serialises changes to which version is current, across processes. */
export const NOTICE_LOCK = 'privet:notices';

/**
 * Makes a version the one in force: consent posted from now on must name it, and the banner asks again.
 * Publishing the current version again changes nothing; an older version may be put back in force.
 */
export async function publishNoticeVersion(
  deps: NoticeDeps,
  version: string,
  actor: string,
  noticeKey: string = PRIVACY_NOTICE,
): Promise<NoticeVersion> {
  return deps.store.transaction((trx) => publishInTransaction(deps, trx, noticeKey, version, actor), {
    lock: NOTICE_LOCK,
  });
}

/** The body of publishNoticeVersion, for callers that already hold a transaction and the notice lock. */
export async function publishInTransaction(
  deps: NoticeDeps,
  trx: Kysely<Database>,
  noticeKey: string,
  version: string,
  actor: string,
): Promise<NoticeVersion> {
  const found = await findNoticeVersion(trx, version, noticeKey);
  if (!found) throw new PrivetError('not_found', `No notice version ${version}`);
  if (found.current) return found;
  const now = deps.clock.now().toISOString();
  await trx
    .updateTable('notice_versions')
    .set({ is_current: 0 })
    .where('notice_key', '=', noticeKey)
    .where('is_current', '=', 1)
    .execute();
  await trx
    .updateTable('notice_versions')
    .set({ is_current: 1, published_at: found.publishedAt ?? now })
    .where('id', '=', found.id)
    .execute();
  await appendAudit(
    deps,
    {
      actor,
      action: 'notice.version.publish',
      target: `notice:${noticeKey}@${version}`,
      details: { textHash: found.textHash, republished: found.publishedAt !== null },
    },
    trx,
  );
  return { ...found, current: true, publishedAt: found.publishedAt ?? now };
}
