import { tokenHash } from '../../auth/token-hash.ts';
import { PrivetError } from '../../domain/errors.ts';
import { toDataSubjectRequest, type DataSubjectRequest } from '../data-subject-request.ts';
import type { RequestDeps } from '../request-deps.ts';

/** The request a status token opens; any other token (or none, or an expired one) is `not_found`. */
export async function readRequestByStatusToken(
  deps: Pick<RequestDeps, 'store' | 'clock'>,
  token: string,
): Promise<DataSubjectRequest> {
  // Looked up by the token's SHA-256: equality on a hash of a 256-bit secret leaks nothing usable by timing.
  const row =
    token.length >= 20 && token.length <= 200
      ? await deps.store.db
          .selectFrom('request_verifications as v')
          .innerJoin('requests as r', 'r.id', 'v.request_id')
          .selectAll('r')
          .where('v.purpose', '=', 'status')
          .where('v.link_hash', '=', tokenHash(token))
          .where('v.voided_at', 'is', null)
          .where('v.expires_at', '>', deps.clock.now().toISOString())
          .executeTakeFirst()
      : undefined;
  if (row === undefined) throw new PrivetError('not_found', 'No request for this status link');
  return toDataSubjectRequest(row);
}
