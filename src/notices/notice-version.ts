import { Type, type Static } from 'typebox';
import type { Database } from '../store/schema.ts';

/** The notice every version belongs to until Privet manages several notices (e.g. per brand or region). */
export const PRIVACY_NOTICE = 'privacy';

/** A version label: short, printable, safe in URLs (`2026-01`, `v3`, `3.1`). */
export const VersionLabel = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
});

/** A data-use key as the data map names purposes, e.g. `analytics` or `marketing.advertising`. */
export const PurposeKey = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[a-z0-9_]+(\\.[a-z0-9_]+)*$',
});

/** One version of a notice as the API shows it. */
export const NoticeVersionSchema = Type.Object(
  {
    id: Type.String(),
    noticeKey: Type.String(),
    version: Type.String(),
    text: Type.String(),
    /** SHA-256 of the UTF-8 text, hex: what consent events record as the text shown. */
    textHash: Type.String(),
    purposeKeys: Type.Array(Type.String()),
    createdAt: Type.String(),
    publishedAt: Type.Union([Type.String(), Type.Null()]),
    current: Type.Boolean(),
  },
  { $id: 'NoticeVersion' },
);
export type NoticeVersion = Static<typeof NoticeVersionSchema>;

/** Maps a stored row to the API shape. */
export function noticeVersionFromRow(row: Database['notice_versions']): NoticeVersion {
  return {
    id: row.id,
    noticeKey: row.notice_key,
    version: row.version,
    text: row.text,
    textHash: row.text_hash,
    purposeKeys: JSON.parse(row.purpose_keys) as string[],
    createdAt: row.created_at,
    publishedAt: row.published_at,
    current: row.is_current === 1,
  };
}
