import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import type { NoticeDeps } from './notice-deps.ts';
import { PRIVACY_NOTICE } from './notice-version.ts';
import { NOTICE_LOCK } from './publish-notice-version.ts';
import { findNoticeVersion } from './read-notice-versions.ts';

/**
 * Deletes a version that was never put in force (a draft written by mistake), audited. A version that was
 * ever published stays: consent, receipts and data collected under it point to it, and it is the record of
 * what people were told. A draft has none of that, as nothing can be recorded under a version not in force.
 */
export async function deleteNoticeDraft(
  deps: NoticeDeps,
  version: string,
  actor: string,
  noticeKey: string = PRIVACY_NOTICE,
): Promise<void> {
  await deps.store.transaction(
    async (trx) => {
      const found = await findNoticeVersion(trx, version, noticeKey);
      if (!found) throw new PrivetError('not_found', `No notice version ${version}`);
      if (found.publishedAt !== null) {
        throw new PrivetError(
          'conflict',
          `Version ${version} was put in force once: it stays as the record of what people were told`,
        );
      }
      await trx.deleteFrom('notice_versions').where('id', '=', found.id).execute();
      await appendAudit(
        deps,
        {
          actor,
          action: 'notice.version.delete',
          target: `notice:${noticeKey}@${version}`,
          details: { textHash: found.textHash },
        },
        trx,
      );
    },
    { lock: NOTICE_LOCK },
  );
}
