import { Type, type Static } from 'typebox';
import { LANGUAGE_TAG } from './language-tag.ts';

/** The banner's own words; `privacyNoticeUrl` sits here so that a translation can link its own notice. */
export const BannerTextsSchema = Type.Object({
  title: Type.String({ maxLength: 200 }),
  body: Type.String({ maxLength: 2000 }),
  acceptAll: Type.String({ maxLength: 100 }),
  rejectAll: Type.String({ maxLength: 100 }),
  customize: Type.String({ maxLength: 100 }),
  save: Type.String({ maxLength: 100 }),
  close: Type.String({ maxLength: 100 }),
  privacyNoticeUrl: Type.String({ maxLength: 2000 }),
  /** The notice link's label. */
  privacyNotice: Type.String({ maxLength: 200 }),
  /** Shown when the browser sends Global Privacy Control. */
  gpc: Type.String({ maxLength: 500 }),
});
export type BannerTexts = Static<typeof BannerTextsSchema>;

/** A BCP 47-like tag as pages spell them (`en_US` → `en-US`), or undefined when it is not one. */
export function normaliseLanguage(tag: string | undefined): string | undefined {
  const candidate = tag?.trim().replace(/_/g, '-');
  return candidate !== undefined && candidate.length <= 35 && LANGUAGE_TAG.test(candidate)
    ? candidate
    : undefined;
}

/**
 * The language's candidates from most to least specific, ending in English: `de-AT` → `de-AT`, `de`, `en`.
 * Lookups are case-insensitive because browsers and admins spell tags differently.
 */
export function languageFallbacks(lang: string | undefined): string[] {
  const chain: string[] = [];
  const parts = (normaliseLanguage(lang) ?? '').toLowerCase().split('-').filter(Boolean);
  for (let n = parts.length; n > 0; n -= 1) chain.push(parts.slice(0, n).join('-'));
  if (!chain.includes('en')) chain.push('en');
  return chain;
}

/** The entry for exactly this language tag, matching keys case-insensitively. */
export function exactLanguage<T>(byLanguage: Readonly<Record<string, T>>, tag: string): T | undefined {
  const wanted = tag.toLowerCase();
  return Object.entries(byLanguage).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** The first entry of `byLanguage` along the fallback chain of `lang`. */
export function pickLanguage<T>(
  byLanguage: Readonly<Record<string, T>>,
  lang: string | undefined,
): T | undefined {
  for (const candidate of languageFallbacks(lang)) {
    const found = exactLanguage(byLanguage, candidate);
    if (found !== undefined) return found;
  }
  return undefined;
}
