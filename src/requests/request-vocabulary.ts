import { JURISDICTIONS, type Jurisdiction } from '../domain/deadlines/jurisdiction.ts';

/** What a person asks for: the GDPR rights and the CCPA sale/sharing choices. */
export const REQUEST_TYPES = [
  'access',
  'portability',
  'erasure',
  'rectification',
  'restriction',
  'objection',
  'consent_withdrawal',
  'opt_out_sale',
  'opt_in_sale',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/** Where a request stands; the allowed moves between them are data in lifecycle/request-transitions.ts. */
export const REQUEST_STATUSES = [
  'received',
  'verifying',
  'verified',
  'in_progress',
  'completed',
  'partially_completed',
  'refused',
  'cancelled',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses after which nothing more happens to a request. */
export const FINAL_STATUSES: readonly RequestStatus[] = [
  'completed',
  'partially_completed',
  'refused',
  'cancelled',
  'expired',
];

/** How the request reached the organisation. */
export const REQUEST_CHANNELS = ['web', 'email', 'post', 'phone', 'api', 'drp'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** The languages messages to the person are shipped in; the person's language is kept for every message. */
export const REQUEST_LANGUAGES = ['en', 'de'] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

/** The four grounds of Art. 18(1) GDPR for restricting processing. */
export const RESTRICTION_GROUNDS = [
  'accuracy_contested',
  'unlawful_processing',
  'needed_for_legal_claims',
  'objection_pending',
] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/** The types the engine runs against connected databases. */
export const ENGINE_TYPES = ['access', 'portability', 'erasure', 'rectification'] as const;

/** Kinds of timeline entry. */
export const REQUEST_EVENT_KINDS = ['status', 'note', 'message', 'task', 'action'] as const;
export type RequestEventKind = (typeof REQUEST_EVENT_KINDS)[number];

export { JURISDICTIONS, type Jurisdiction };

/** True when the value names a request type. */
export function isRequestType(value: string): value is RequestType {
  return (REQUEST_TYPES as readonly string[]).includes(value);
}

/** True when the value names a request status. */
export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}
