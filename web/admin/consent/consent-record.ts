import { personIdOfEmail } from '../../../src/consent/decisions/person-id-of-email.ts';

/** How staff name whose consent to show: an e-mail address (the person id Privet derives from it), or an id. */
export type LookupKind = 'email' | 'personId' | 'deviceId';

/** A lookup as typed into the form. */
export interface ConsentLookup {
  readonly kind: LookupKind;
  readonly value: string;
}

/** The subject the API is asked about: exactly one of a device id and a person id. */
export interface ConsentSubjectQuery {
  readonly type: 'device' | 'person';
  readonly id: string;
}

/** One purpose's current consent, as GET /api/admin/consent/state answers. */
export interface ConsentStateEntry {
  readonly purposeKey: string;
  readonly categoryKey: string | null;
  readonly action: string;
  readonly method: string;
  readonly noticeVersion: string;
  readonly eventId: string;
  readonly at: string;
}

export interface ConsentStateAnswer {
  readonly purposes: readonly ConsentStateEntry[];
}

/** One ledger event, as GET /api/admin/consent/history answers. */
export interface ConsentEventView {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly personId: string | null;
  readonly personVerified: boolean;
  readonly categoryKey: string | null;
  readonly purposeKey: string;
  readonly action: string;
  readonly method: string;
  readonly gpc: boolean;
  readonly noticeVersion: string;
  readonly ipTruncated: string | null;
  readonly userAgentFamily: string | null;
}

export interface ConsentHistoryAnswer {
  readonly events: readonly ConsentEventView[];
  readonly next: number | null;
}

/** The subject a lookup names, or undefined when there is nothing to look up. */
export function subjectOfLookup(lookup: ConsentLookup): ConsentSubjectQuery | undefined {
  const value = lookup.value.trim();
  if (value === '') return undefined;
  if (lookup.kind === 'deviceId') return { type: 'device', id: value };
  return { type: 'person', id: lookup.kind === 'email' ? personIdOfEmail(value) : value };
}

/** The API query naming the subject: `deviceId=…` or `personId=…`. */
export function subjectParams(subject: ConsentSubjectQuery): URLSearchParams {
  return new URLSearchParams({ [subject.type === 'device' ? 'deviceId' : 'personId']: subject.id });
}

/** The console address that shows this subject's records, so a lookup can be linked and reloaded. */
export function consentPagePath(subject: ConsentSubjectQuery | undefined): string {
  return subject === undefined ? '/admin/consent' : `/admin/consent?${subjectParams(subject).toString()}`;
}

/** The subject an /admin/consent address names (`deviceId` or `personId`), if exactly one. */
export function subjectOfQuery(query: URLSearchParams): ConsentSubjectQuery | undefined {
  const deviceId = query.get('deviceId')?.trim() ?? '';
  const personId = query.get('personId')?.trim() ?? '';
  if ((deviceId === '') === (personId === '')) return undefined;
  return deviceId !== '' ? { type: 'device', id: deviceId } : { type: 'person', id: personId };
}

/** Where staff read the consent receipt of an event (JSON; their session authenticates the GET). */
export function receiptPath(eventId: string): string {
  return `/api/admin/consent/receipts/${encodeURIComponent(eventId)}`;
}
