import type { RequestDetails } from '../requests/data-subject-request.ts';
import type { RequestType } from '../requests/request-vocabulary.ts';

/** The rights actions of DRP 1.0 (spec 3.01). */
export const DRP_ACTIONS = [
  'access',
  'deletion',
  'sale:opt-out',
  'sale:opt-in',
  'access:categories',
  'access:specific',
] as const;
export type DrpAction = (typeof DRP_ACTIONS)[number];

/** Request states an agent sees (spec 3.02). */
export const DRP_STATUSES = ['open', 'in_progress', 'fulfilled', 'revoked', 'denied', 'expired'] as const;
export type DrpStatus = (typeof DRP_STATUSES)[number];

/** Reasons that qualify a state (spec 3.02). */
export const DRP_REASONS = [
  'need_user_verification',
  'suspected_fraud',
  'insuf_verification',
  'no_match',
  'claim_not_covered',
  'outside_jurisdiction',
  'too_many_requests',
  'other',
] as const;
export type DrpReason = (typeof DRP_REASONS)[number];

/** True when the value is a DRP rights action. */
export function isDrpAction(value: unknown): value is DrpAction {
  return typeof value === 'string' && (DRP_ACTIONS as readonly string[]).includes(value);
}

/** The Privet request type (and access scope) a rights action becomes. */
export function requestTypeOf(action: DrpAction): { type: RequestType; details: RequestDetails } {
  switch (action) {
    case 'access':
      return { type: 'access', details: {} };
    case 'access:categories':
      return { type: 'access', details: { scope: 'categories' } };
    case 'access:specific':
      return { type: 'access', details: { scope: 'specific' } };
    case 'deletion':
      return { type: 'erasure', details: {} };
    case 'sale:opt-out':
      return { type: 'opt_out_sale', details: {} };
    case 'sale:opt-in':
      return { type: 'opt_in_sale', details: {} };
  }
}
