import type { Jurisdiction } from '../../../src/domain/deadlines/jurisdiction.ts';
import type { RequestChannel, RequestStatus, RequestType } from '../../../src/requests/request-vocabulary.ts';

/** Request types in the words staff use. */
export const typeLabels: Readonly<Record<RequestType, string>> = {
  access: 'Access',
  portability: 'Portability',
  erasure: 'Erasure',
  rectification: 'Rectification',
  restriction: 'Restriction',
  objection: 'Objection',
  consent_withdrawal: 'Consent withdrawal',
  opt_out_sale: 'Opt-out of sale/sharing',
  opt_in_sale: 'Opt-in to sale',
};

/** Statuses in plain words. */
export const statusLabels: Readonly<Record<RequestStatus, string>> = {
  received: 'Received',
  verifying: 'Verifying',
  verified: 'Verified',
  in_progress: 'In progress',
  completed: 'Completed',
  partially_completed: 'Partially completed',
  refused: 'Refused',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

/** Jurisdictions as their law is known. */
export const jurisdictionLabels: Readonly<Record<Jurisdiction, string>> = {
  gdpr: 'GDPR',
  uk_gdpr: 'UK GDPR',
  ccpa: 'CCPA',
};

/** How a request arrived. */
export const channelLabels: Readonly<Record<RequestChannel, string>> = {
  web: 'Privacy center',
  email: 'Email',
  post: 'Post',
  phone: 'Phone',
  api: 'API',
  drp: 'Authorized agent (DRP)',
};

/** The label of a value from one of the tables, or the value itself when the console does not know it. */
export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}
