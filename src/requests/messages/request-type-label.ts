import type { RequestType } from '../request-vocabulary.ts';

const labels: Readonly<Record<'en' | 'de', Readonly<Record<RequestType, string>>>> = {
  en: {
    access: 'access to your data',
    portability: 'a copy of your data to take elsewhere',
    erasure: 'erasure of your data',
    rectification: 'correction of your data',
    restriction: 'restriction of processing',
    objection: 'objection to processing',
    consent_withdrawal: 'withdrawal of your consent',
    opt_out_sale: 'opt-out of sale or sharing',
    opt_in_sale: 'opt-in to sale or sharing',
  },
  de: {
    access: 'Auskunft über Ihre Daten',
    portability: 'Herausgabe Ihrer Daten zur Übertragung',
    erasure: 'Löschung Ihrer Daten',
    rectification: 'Berichtigung Ihrer Daten',
    restriction: 'Einschränkung der Verarbeitung',
    objection: 'Widerspruch gegen die Verarbeitung',
    consent_withdrawal: 'Widerruf Ihrer Einwilligung',
    opt_out_sale: 'Widerspruch gegen Verkauf oder Weitergabe',
    opt_in_sale: 'Einwilligung in Verkauf oder Weitergabe',
  },
};

/** How a message names the request type, in the person's language. */
export function requestTypeLabel(type: RequestType, language: string): string {
  return (language === 'de' ? labels.de : labels.en)[type];
}

/** A date as a person reads it in a message: the day in the organisation's zone. */
export function formatMessageDate(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone,
  }).format(new Date(iso));
}

/** A time as a person reads it in a message, with its zone. */
export function formatMessageTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(iso));
}
