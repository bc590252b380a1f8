import { tokenHash } from '../auth/token-hash.ts';
import type { Clock } from '../domain/clock.ts';
import { newToken } from '../domain/ids.ts';
import type { Store } from '../store/store.ts';

/**
 * Issues a pair-wise bearer token for the agent (spec 2.05) from a CSPRNG; only its hash is stored. Earlier
 * tokens of the agent stay valid, so that an agent's workers holding them keep working.
 */
export async function issueAgentToken(
  deps: { readonly store: Store; readonly clock: Clock },
  agentId: string,
  businessId: string,
): Promise<string> {
  const token = `drp_${newToken(32)}`;
  await deps.store.db
    .insertInto('drp_tokens')
    .values({
      token_hash: tokenHash(token),
      agent_id: agentId,
      business_id: businessId,
      created_at: deps.clock.now().toISOString(),
    })
    .execute();
  return token;
}

/** The agent id a bearer token was issued to, or undefined for an unknown token. */
export async function agentOfToken(
  deps: { readonly store: Store },
  token: string,
): Promise<string | undefined> {
  // The lookup is by hash, so the comparison never touches the secret itself.
  const row = await deps.store.db
    .selectFrom('drp_tokens')
    .select('agent_id')
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  return row?.agent_id;
}
