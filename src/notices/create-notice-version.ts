import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/append-audit.ts';
import { PrivetError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../store/schema.ts';
import type { NoticeDeps } from './notice-deps.ts';
import { noticeTextHash } from './notice-text-hash.ts';
import { findNoticeVersion } from './read-notice-versions.ts';
import { NOTICE_LOCK, publishInTransaction } from './publish-notice-version.ts';
import { PRIVACY_NOTICE, type NoticeVersion } from './notice-version.ts';

export interface NewNoticeVersion {
  readonly version: string;
  readonly text: string;
  readonly purposeKeys: readonly string[];
  /** Publish at once, making it the version consent and the banner refer to. */
  readonly publish?: boolean;
  readonly noticeKey?: string;
}

/** Adds a version (a draft unless `publish`); a version's text never changes, a new text is a new version. */
export async function createNoticeVersion(
  deps: NoticeDeps,
  input: NewNoticeVersion,
  actor: string,
  trx?: Kysely<Database>,
): Promise<NoticeVersion> {
  if (trx === undefined) {
    return deps.store.transaction((inner) => createNoticeVersion(deps, input, actor, inner), {
      lock: NOTICE_LOCK,
    });
  }
  const noticeKey = input.noticeKey ?? PRIVACY_NOTICE;
  if (await findNoticeVersion(trx, input.version, noticeKey)) {
    throw new PrivetError('conflict', `Notice version ${input.version} exists already`, {
      issues: [
        { code: 'duplicate', path: 'body.version', message: 'is taken: give the new text a new label' },
      ],
    });
  }
  const now = deps.clock.now();
  const id = newId('ntv', now);
  const textHash = noticeTextHash(input.text);
  await trx
    .insertInto('notice_versions')
    .values({
      id,
      notice_key: noticeKey,
      version: input.version,
      text: input.text,
      text_hash: textHash,
      purpose_keys: JSON.stringify([...new Set(input.purposeKeys)]),
      created_at: now.toISOString(),
      published_at: null,
      is_current: 0,
    })
    .execute();
  await appendAudit(
    deps,
    {
      actor,
      action: 'notice.version.create',
      target: `notice:${noticeKey}@${input.version}`,
      details: { textHash },
    },
    trx,
  );
  if (input.publish === true) return publishInTransaction(deps, trx, noticeKey, input.version, actor);
  const created = await findNoticeVersion(trx, input.version, noticeKey);
  if (!created) throw new PrivetError('internal', 'The new notice version vanished');
  return created;
}
