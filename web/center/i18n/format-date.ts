import type { CenterLanguage } from './languages.ts';

/** A date from the API as the reader's language writes it; with the time of day when `withTime`. */
export function formatDate(iso: string, language: CenterLanguage, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
