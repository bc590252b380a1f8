import type { RequestStatusListener } from '../../requests/lifecycle/request-status-listener.ts';
import { eraseConsentSubject, type ConsentErasureDeps } from './erase-consent-subject.ts';

/** Statuses in which an erasure was carried out, wholly or in part. */
const DONE = new Set(['completed', 'partially_completed']);

/**
 * The request-status listener that takes an erasure to the consent side once the request is done: the person's
 * current consent state goes, so that every decider answers "no evidence" within its next refresh (no restart).
 * Idempotent per request, as listeners must be.
 */
export function consentErasureListener(deps: ConsentErasureDeps): RequestStatusListener {
  return async (change) => {
    if (change.type !== 'erasure' || !DONE.has(change.to)) return;
    const request = await deps.store.db
      .selectFrom('requests')
      .select(['email'])
      .where('id', '=', change.requestId)
      .executeTakeFirst();
    if (request === undefined || request.email === '') return;
    await eraseConsentSubject(deps, { requestId: change.requestId, email: request.email, actor: 'system' });
  };
}
