import { authenticateAgent } from './authenticate-agent.ts';
import type { AgentRegistryDeps } from './agent-registry.ts';
import { DrpError } from './drp-error.ts';

/** The Agent Information endpoint (spec 2.06): `{}` when the bearer token is the named agent's, else 403. */
export async function agentInformation(
  deps: AgentRegistryDeps,
  input: { readonly authorization: string | undefined; readonly agentId: string },
): Promise<Record<string, never>> {
  const agent = await authenticateAgent(deps, input.authorization);
  if (agent.id !== input.agentId) {
    throw new DrpError(403, 'The bearer token belongs to another agent');
  }
  return {};
}
