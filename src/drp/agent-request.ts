import type { Store } from '../store/store.ts';
import type { DrpAgent } from './drp-agent.ts';
import { DrpError } from './drp-error.ts';
import type { DrpTables } from './drp-tables.ts';
import type { DrpRequestLink } from './exercise-status.ts';

/** A stored DRP request row. */
export type DrpRequestRow = DrpTables['drp_requests'];

/** The link fields the Exercise Status needs. */
export function linkOf(row: DrpRequestRow): DrpRequestLink {
  return { id: row.id, agentRequestId: row.agent_request_id, revokedAt: row.revoked_at };
}

/**
 * The DRP request the agent manages: 404 when there is none, 403 when another agent sent it (spec 2.02.1),
 * so that no agent ever reads or revokes another agent's request.
 */
export async function agentRequest(
  deps: { readonly store: Store },
  agent: DrpAgent,
  requestId: string,
): Promise<DrpRequestRow> {
  const row = await deps.store.db
    .selectFrom('drp_requests')
    .selectAll()
    .where('id', '=', requestId)
    .executeTakeFirst();
  if (row === undefined) throw new DrpError(404, `No data rights request ${requestId}`);
  if (row.agent_id !== agent.id) {
    throw new DrpError(403, 'This request was submitted by another agent');
  }
  return row;
}
