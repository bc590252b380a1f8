import { createHash, randomUUID } from 'node:crypto';
import { isPrivetError } from '../domain/errors.ts';
import { linkOf } from './agent-request.ts';
import { authenticateAgent, requireBusinessId } from './authenticate-agent.ts';
import { checkSignedMessage } from './check-signed-message.ts';
import type { DrpDeps } from './drp-deps.ts';
import { DrpError } from './drp-error.ts';
import { readDrpBusinessSettings } from './drp-business.ts';
import { createLinkedRequest, readLinkedRequest, type AgentRequestNext } from './drp-requests.ts';
import { requestTypeOf } from './drp-vocabulary.ts';
import { readExerciseClaims } from './exercise-claims.ts';
import { exerciseStatusOf, type ExerciseStatus } from './exercise-status.ts';
import { identityAssurance, type IdentityAssurance } from './identity-assurance.ts';

/**
 * The Data Rights Exercise endpoint (spec 2.01): authenticates the agent by its bearer token, checks the
 * signed message (3.07), reads the claims and creates a request on channel `drp`. When the claims the agent
 * verified are enough for the action (identity-assurance.ts) the request is verified by that agent, and starts
 * at once where the organisation allows it; otherwise it waits in `need_user_verification` for the person to
 * verify through the privacy center. The same signed message sent again returns the request it created, so an
 * agent may safely retry.
 */
export async function exerciseRequest(
  deps: DrpDeps,
  input: { readonly authorization: string | undefined; readonly body: unknown },
): Promise<ExerciseStatus> {
  const agent = await authenticateAgent(deps, input.authorization);
  const businessId = await requireBusinessId(deps);
  const { claims, bytes } = checkSignedMessage(input.body, {
    agent,
    businessId,
    now: deps.clock.now(),
    envelope: 'required',
  });
  const messageHash = createHash('sha256').update(bytes).digest('hex');
  const earlier = await statusOfMessage(deps, messageHash);
  if (earlier !== undefined) return earlier;

  const exercise = readExerciseClaims(claims, { allowLocal: deps.config.webhooksAllowLocal });
  const { type, details } = requestTypeOf(exercise.action);
  const id = randomUUID();
  const actor = `drp:${agent.id}`;
  const assurance = identityAssurance(exercise);
  const note = [
    `Sent by authorized agent ${agent.name} (${agent.id}) as DRP ${exercise.action}`,
    exercise.regime === null ? 'no regime given: voluntary processing' : `regime ${exercise.regime}`,
    exercise.relationships.length > 0 ? `relationships: ${exercise.relationships.join(', ')}` : '',
    `claims verified by the agent: ${assurance.verified.length > 0 ? assurance.verified.join(', ') : 'none'}`,
    exercise.address === null ? '' : `address: ${exercise.address}`,
    exercise.powerOfAttorney === null ? '' : `power of attorney: ${exercise.powerOfAttorney}`,
  ]
    .filter((part) => part !== '')
    .join('; ');
  const next = await nextStep(deps, exercise.action, assurance);
  try {
    const request = await createLinkedRequest(
      deps,
      {
        type,
        jurisdiction: 'ccpa',
        channel: 'drp',
        identity: exercise.identity,
        details: { ...details, note },
        ...(assurance.sufficient
          ? { verified: { by: `authorized agent ${agent.id}`, note: verifiedNote(assurance) } }
          : {}),
        actor,
        // The agent hears about the request through DRP; the consumer is its agent's to inform.
        acknowledge: false,
      },
      async (trx, created) => {
        await trx
          .insertInto('drp_requests')
          .values({
            id,
            agent_id: agent.id,
            request_id: created.id,
            agent_request_id: exercise.agentRequestId,
            message_hash: messageHash,
            exercise: exercise.action,
            regime: exercise.regime,
            relationships: JSON.stringify(exercise.relationships),
            status_callback: exercise.statusCallback,
            revoked_at: null,
            revoke_reason: null,
            created_at: deps.clock.now().toISOString(),
          })
          .execute();
      },
      next,
    );
    return exerciseStatusOf(
      request,
      { id, agentRequestId: exercise.agentRequestId, revokedAt: null },
      deps.config.publicUrl,
    );
  } catch (error) {
    // A concurrent retry of the same message won the race to the unique message hash.
    const raced = await statusOfMessage(deps, messageHash);
    if (raced !== undefined) return raced;
    if (isPrivetError(error, 'validation_failed')) throw new DrpError(400, error.message);
    throw error;
  }
}

async function statusOfMessage(deps: DrpDeps, messageHash: string): Promise<ExerciseStatus | undefined> {
  const row = await deps.store.db
    .selectFrom('drp_requests')
    .selectAll()
    .where('message_hash', '=', messageHash)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const request = await readLinkedRequest(deps, row.request_id);
  return request === undefined ? undefined : exerciseStatusOf(request, linkOf(row), deps.config.publicUrl);
}

function verifiedNote(assurance: IdentityAssurance): string {
  if (assurance.needed === 0) return 'this action needs no verification of identity';
  if (assurance.byPowerOfAttorney) return 'verified email and a power of attorney in the signed DRP request';
  return `verified claims in the signed DRP request: ${assurance.verified.join(', ')}`;
}

async function nextStep(
  deps: DrpDeps,
  action: string,
  assurance: IdentityAssurance,
): Promise<AgentRequestNext> {
  if (!assurance.sufficient) {
    return {
      kind: 'user_verification',
      reason: `The agent verified ${assurance.verified.length} of the ${assurance.needed} identity claims ${action} needs; the person is asked to confirm it is them`,
    };
  }
  const settings = await readDrpBusinessSettings(deps.store.db);
  return settings?.startVerifiedRequests === true
    ? {
        kind: 'start',
        reason: 'Verified by the authorized agent; the organisation starts such requests at once',
      }
    : { kind: 'wait' };
}
