import type { RequestMessage } from './request-messages.ts';

/** What every request message can say: who writes, about which request, and its dates. */
const BASE = ['organisation', 'requestId', 'typeLabel', 'dueOn', 'receivedOn'] as const;

/**
 * The placeholders each message's sender fills, so the only ones a template may use: a template naming any other
 * would fail at sending time, so saving one is refused instead.
 */
export const TEMPLATE_PLACEHOLDERS: Readonly<Record<RequestMessage, readonly string[]>> = {
  acknowledgement: [...BASE, 'statusUrl'],
  'verification-code': [...BASE, 'code', 'expiresAt', 'verifyUrl'],
  'download-code': [...BASE, 'code', 'expiresAt'],
  'step-up': [...BASE, 'message'],
  extension: [...BASE, 'reasons'],
  completion: [...BASE, 'outcome', 'statusUrl'],
  refusal: [...BASE, 'ground', 'reason', 'supervisoryAuthority'],
  fee: [...BASE, 'ground', 'amount', 'currency', 'reason', 'supervisoryAuthority'],
  cancellation: [...BASE, 'reason'],
};

const SAMPLE = {
  en: {
    organisation: 'Acme GmbH',
    requestId: 'req_sample',
    typeLabel: 'access to your data',
    dueOn: '2 March 2026',
    receivedOn: '30 January 2026',
    statusUrl: 'https://privacy.example/requests/status#token=sample',
    verifyUrl: 'https://privacy.example/requests/verify#token=sample',
    code: '123456',
    expiresAt: '30 Jan 2026, 10:10 CET',
    message: 'Please send the invoice number of your last order.',
    reasons: 'Your data is held in many systems.',
    outcome: 'everything is done.',
    ground: 'manifestly excessive',
    reason: 'This is the third identical request in three months.',
    supervisoryAuthority: 'Berlin Commissioner for Data Protection, Friedrichstr. 219, 10969 Berlin',
    amount: '25.00',
    currency: 'EUR',
  },
  de: {
    organisation: 'Acme GmbH',
    requestId: 'req_sample',
    typeLabel: 'Auskunft über Ihre Daten',
    dueOn: '2. März 2026',
    receivedOn: '30. Januar 2026',
    statusUrl: 'https://privacy.example/requests/status#token=sample',
    verifyUrl: 'https://privacy.example/requests/verify#token=sample',
    code: '123456',
    expiresAt: '30. Jan. 2026, 10:10 MEZ',
    message: 'Bitte nennen Sie die Rechnungsnummer Ihrer letzten Bestellung.',
    reasons: 'Ihre Daten liegen in vielen Systemen.',
    outcome: 'alles ist erledigt.',
    ground: 'exzessiv',
    reason: 'Dies ist die dritte gleiche Anfrage in drei Monaten.',
    supervisoryAuthority: 'Berliner Beauftragte für Datenschutz, Friedrichstr. 219, 10969 Berlin',
    amount: '25.00',
    currency: 'EUR',
  },
} as const;

/** Sample values for a preview: every placeholder the message may use, in the language. */
export function samplePlaceholderValues(message: RequestMessage, language: string): Record<string, string> {
  const sample: Readonly<Record<string, string>> = language === 'de' ? SAMPLE.de : SAMPLE.en;
  return Object.fromEntries(TEMPLATE_PLACEHOLDERS[message].map((name) => [name, sample[name] ?? name]));
}

const ANY_PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The placeholders in a text that the message does not fill (in order of first use, each once). */
export function unknownPlaceholders(message: RequestMessage, text: string): string[] {
  const allowed = new Set(TEMPLATE_PLACEHOLDERS[message]);
  const unknown = new Set<string>();
  for (const match of text.matchAll(ANY_PLACEHOLDER)) {
    const name = (match[1] ?? '').trim();
    if (!allowed.has(name)) unknown.add(name);
  }
  return [...unknown];
}
