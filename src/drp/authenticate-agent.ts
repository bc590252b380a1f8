import { agentOfToken } from './agent-tokens.ts';
import { findAgent, type AgentRegistryDeps } from './agent-registry.ts';
import { currentBusinessId } from './drp-business.ts';
import type { DrpAgent } from './drp-agent.ts';
import { DrpError } from './drp-error.ts';

/**
 * The agent a pair-wise bearer token belongs to (spec 3.07: the token selects the key that must verify the
 * message). A missing or unknown token is 401; a token of an agent no longer trusted is 403.
 */
export async function authenticateAgent(
  deps: AgentRegistryDeps,
  authorization: string | undefined,
): Promise<DrpAgent> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (token === undefined) {
    throw new DrpError(
      401,
      'Send the pair-wise token from POST /v1/agent/{agent-id} as "Authorization: Bearer <token>"',
    );
  }
  const agentId = await agentOfToken(deps, token);
  if (agentId === undefined) throw new DrpError(401, 'The bearer token is not valid');
  const agent = await findAgent(deps, agentId);
  if (agent === undefined) throw new DrpError(403, `Agent ${agentId} is no longer an authorized agent here`);
  return agent;
}

/** This business's `business-id`; a 503 while DRP has not been set up. */
export async function requireBusinessId(deps: Parameters<typeof currentBusinessId>[0]): Promise<string> {
  const businessId = await currentBusinessId(deps);
  if (businessId === undefined) {
    throw new DrpError(503, 'DRP is not set up here yet (no business-id configured)');
  }
  return businessId;
}
