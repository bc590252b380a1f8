/** The languages the privacy center speaks; the person's choice goes with their request. */
export const centerLanguages = ['en', 'de'] as const;
export type CenterLanguage = (typeof centerLanguages)[number];

/** Each language named in itself, as a language switch shows it. */
export const languageNames: Readonly<Record<CenterLanguage, string>> = { en: 'English', de: 'Deutsch' };

/** The language with this code, if the center speaks it. */
export function toCenterLanguage(code: string | null | undefined): CenterLanguage | undefined {
  const short = code?.slice(0, 2).toLowerCase();
  return centerLanguages.find((language) => language === short);
}
