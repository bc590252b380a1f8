import { Type, type Static } from 'typebox';
import { PurposeKey } from '../notices/notice-version.ts';
import type { Database } from '../store/schema.ts';
import { LANGUAGE_TAG } from './language-tag.ts';

/** A category key as the banner and the SDK use it: `necessary`, `analytics`, `marketing`. */
export const CategoryKey = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_-]*$' });

/** A language tag as the banner sends it (`en`, `de`, `pt-BR`). */
export const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  pattern: LANGUAGE_TAG.source,
});

/** A service a category switches on and the cookies to clear when it is withdrawn. */
export const ConsentServiceSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  provider: Type.String({ maxLength: 200, default: '' }),
  cookies: Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\s;,=]+$' }), {
    maxItems: 50,
    description: 'Cookie name patterns; `*` matches any run of characters (`_ga_*`)',
  }),
});
export type ConsentService = Static<typeof ConsentServiceSchema>;

/** A category's title and description in one language. */
export const CategoryTextSchema = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.String({ maxLength: 2000 }),
});
export type CategoryText = Static<typeof CategoryTextSchema>;

/** Google Consent Mode v2 signals a category controls. */
export const googleConsentSignals = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
] as const;

/** A banner category as admins write it; English text is required, other languages optional. */
export const ConsentCategoryInput = Type.Object({
  purposeKey: PurposeKey,
  required: Type.Boolean({ default: false, description: 'Always on, no choice (strictly necessary)' }),
  gpcOptOut: Type.Boolean({
    default: false,
    description: 'Global Privacy Control opts out of it (sale/sharing, marketing)',
  }),
  services: Type.Array(ConsentServiceSchema, { maxItems: 100, default: [] }),
  texts: Type.Intersect([
    Type.Object({ en: CategoryTextSchema }),
    Type.Record(Type.String({ pattern: LANGUAGE_TAG.source }), CategoryTextSchema),
  ]),
  googleConsentMode: Type.Array(Type.Enum(googleConsentSignals), {
    maxItems: googleConsentSignals.length,
    default: [],
  }),
  position: Type.Integer({ minimum: 0, maximum: 10_000, default: 100, description: 'Order on the banner' }),
});
export type ConsentCategoryInput = Static<typeof ConsentCategoryInput>;

/** A stored banner category. */
export const ConsentCategorySchema = Type.Object(
  {
    key: Type.String(),
    purposeKey: Type.String(),
    required: Type.Boolean(),
    gpcOptOut: Type.Boolean(),
    services: Type.Array(ConsentServiceSchema),
    texts: Type.Record(Type.String(), CategoryTextSchema),
    googleConsentMode: Type.Array(Type.String()),
    position: Type.Integer(),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'ConsentCategory' },
);
export type ConsentCategory = Static<typeof ConsentCategorySchema>;

/** What a consent post is checked and planned against: a category without its texts and services. */
export type ConsentCategoryRule = Pick<ConsentCategory, 'key' | 'purposeKey' | 'required' | 'gpcOptOut'>;

/** Maps a stored row to the API shape. */
export function categoryFromRow(row: Database['consent_categories']): ConsentCategory {
  return {
    key: row.key,
    purposeKey: row.purpose_key,
    required: row.required === 1,
    gpcOptOut: row.gpc_opt_out === 1,
    services: JSON.parse(row.services) as ConsentService[],
    texts: JSON.parse(row.texts) as Record<string, CategoryText>,
    googleConsentMode: JSON.parse(row.google_consent_mode) as string[],
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
