import { isPrivetError } from '../domain/errors.ts';
import { agentRequest, linkOf } from './agent-request.ts';
import { authenticateAgent, requireBusinessId } from './authenticate-agent.ts';
import { checkSignedMessage } from './check-signed-message.ts';
import type { DrpDeps } from './drp-deps.ts';
import { DrpError } from './drp-error.ts';
import { cancelLinkedRequest, readLinkedRequest } from './drp-requests.ts';
import { exerciseStatusOf, type ExerciseStatus } from './exercise-status.ts';

const FALLBACK_REASON = 'Revoked by the authorized agent';

/**
 * The Data Rights Revoke endpoint (spec 2.04): the signed body holds an optional `reason`; the request is
 * cancelled and the answer carries the new `revoked` state. Revoking twice answers `revoked` again; a request
 * that already reached another final state cannot be revoked (409).
 */
export async function revokeExercise(
  deps: DrpDeps,
  input: { readonly authorization: string | undefined; readonly requestId: string; readonly body: unknown },
): Promise<ExerciseStatus> {
  const agent = await authenticateAgent(deps, input.authorization);
  const businessId = await requireBusinessId(deps);
  const { claims } = checkSignedMessage(input.body, {
    agent,
    businessId,
    now: deps.clock.now(),
    envelope: 'if_present',
  });
  const row = await agentRequest(deps, agent, input.requestId);
  const reasonClaim = claims.reason;
  if (reasonClaim !== undefined && (typeof reasonClaim !== 'string' || reasonClaim.length > 1000)) {
    throw new DrpError(400, 'reason must be a string of at most 1000 characters');
  }
  const current = await readLinkedRequest(deps, row.request_id);
  if (current === undefined) throw new DrpError(404, `No data rights request ${input.requestId}`);
  if (row.revoked_at !== null) return exerciseStatusOf(current, linkOf(row), deps.config.publicUrl);
  const reason = reasonClaim === undefined || reasonClaim.trim() === '' ? FALLBACK_REASON : reasonClaim;
  const revokedAt = deps.clock.now().toISOString();
  try {
    const request = await cancelLinkedRequest(
      deps,
      { requestId: row.request_id, actor: `drp:${agent.id}`, reason },
      async (trx) => {
        await trx
          .updateTable('drp_requests')
          .set({ revoked_at: revokedAt, revoke_reason: reason })
          .where('id', '=', row.id)
          .execute();
      },
    );
    return exerciseStatusOf(request, { ...linkOf(row), revokedAt }, deps.config.publicUrl);
  } catch (error) {
    if (isPrivetError(error, 'conflict')) {
      throw new DrpError(409, `The request is ${current.status} and can no longer be revoked`);
    }
    throw error;
  }
}
