import { agentRequest, linkOf } from './agent-request.ts';
import { authenticateAgent } from './authenticate-agent.ts';
import type { DrpDeps } from './drp-deps.ts';
import { DrpError } from './drp-error.ts';
import { readLinkedRequest } from './drp-requests.ts';
import { exerciseStatusOf, type ExerciseStatus } from './exercise-status.ts';

/** The Data Rights Status endpoint (spec 2.02): only the agent that sent the request may read it. */
export async function readExerciseStatus(
  deps: Pick<DrpDeps, 'store' | 'config'>,
  input: { readonly authorization: string | undefined; readonly requestId: string },
): Promise<ExerciseStatus> {
  const agent = await authenticateAgent(deps, input.authorization);
  const row = await agentRequest(deps, agent, input.requestId);
  const request = await readLinkedRequest(deps, row.request_id);
  if (request === undefined) throw new DrpError(404, `No data rights request ${input.requestId}`);
  return exerciseStatusOf(request, linkOf(row), deps.config.publicUrl);
}
