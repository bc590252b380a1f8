import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { PrivetError } from '../domain/errors.ts';
import { currentNoticeVersion } from '../notices/read-notice-versions.ts';
import type { Database } from '../store/schema.ts';
import { BannerTextsSchema, exactLanguage, languageFallbacks, pickLanguage } from './banner-texts.ts';
import { englishBannerTexts } from './english-banner-texts.ts';
import { listCategories } from './category-repository.ts';
import { readConsentSettings } from './consent-settings.ts';

/** What the banner SDK loads: the contract of `GET /api/public/consent/config`. */
export const ConsentConfigSchema = Type.Object({
  noticeVersion: Type.String(),
  noticeHash: Type.String(),
  categories: Type.Array(
    Type.Object({
      key: Type.String(),
      title: Type.String(),
      description: Type.String(),
      required: Type.Boolean(),
      gpcOptOut: Type.Boolean(),
      services: Type.Array(Type.Object({ name: Type.String(), cookies: Type.Array(Type.String()) })),
      googleConsentMode: Type.Array(Type.String()),
    }),
  ),
  texts: BannerTextsSchema,
});
export type ConsentConfig = Static<typeof ConsentConfigSchema>;

/** The banner configuration in one language (falling back to its base language, then English). */
export async function buildConsentConfig(
  db: Kysely<Database>,
  options: { readonly lang?: string | undefined; readonly publicUrl: string },
): Promise<ConsentConfig> {
  const [notice, categories, settings] = await Promise.all([
    currentNoticeVersion(db),
    listCategories(db),
    readConsentSettings(db),
  ]);
  if (!notice)
    throw new PrivetError(
      'unavailable',
      'No privacy notice is published yet: the banner has nothing to refer to',
    );
  // Most specific language last, so its keys win over the base language and the shipped English.
  const layers = languageFallbacks(options.lang)
    .reverse()
    .map((lang) => exactLanguage(settings.texts, lang) ?? {});
  const texts = Object.assign(
    {
      ...englishBannerTexts,
      privacyNoticeUrl: settings.privacyNoticeUrl || `${options.publicUrl}/privacy-notice`,
    },
    ...layers,
  ) as Static<typeof BannerTextsSchema>;
  return {
    noticeVersion: notice.version,
    noticeHash: notice.textHash,
    categories: categories.map((category) => {
      const text = pickLanguage(category.texts, options.lang) ?? { title: category.key, description: '' };
      return {
        key: category.key,
        title: text.title,
        description: text.description,
        required: category.required,
        gpcOptOut: category.gpcOptOut,
        services: category.services.map((service) => ({ name: service.name, cookies: service.cookies })),
        googleConsentMode: category.googleConsentMode,
      };
    }),
    texts,
  };
}
