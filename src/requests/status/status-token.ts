import type { Kysely } from 'kysely';
import { tokenHash } from '../../auth/token-hash.ts';
import type { Clock } from '../../domain/clock.ts';
import { newId, newToken } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';

/** How long a status link works: well past any deadline and extension. */
const STATUS_LINK_DAYS = 400;

/** The requester's status page link; the token sits in the fragment so it never reaches a server log. */
export function statusUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/requests/status#token=${token}`;
}

/** Issues a status token for the request; only its hash is stored, and earlier links keep working. */
export async function issueStatusToken(
  deps: { readonly clock: Clock },
  trx: Kysely<Database>,
  requestId: string,
): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await trx
    .insertInto('request_verifications')
    .values({
      id: newId('rqv', now),
      request_id: requestId,
      purpose: 'status',
      code_hash: '',
      link_hash: tokenHash(token),
      tries: 0,
      max_tries: 0,
      expires_at: new Date(now.getTime() + STATUS_LINK_DAYS * 86_400_000).toISOString(),
      created_at: now.toISOString(),
      used_at: null,
      voided_at: null,
    })
    .execute();
  return token;
}
