import { appendAudit } from '../audit/append-audit.ts';
import { issueAgentToken } from './agent-tokens.ts';
import { findAgent } from './agent-registry.ts';
import { requireBusinessId } from './authenticate-agent.ts';
import { checkSignedMessage } from './check-signed-message.ts';
import type { DrpDeps } from './drp-deps.ts';
import { DrpError } from './drp-error.ts';

/**
 * Pair-wise key set-up (spec 2.05): the message must be signed by the key the registry holds for the agent
 * named in the URL and pass the 3.07 checks; then a fresh bearer token is issued. Every refusal is a 403 with
 * no body, as the spec asks (refusals are not audited: anyone can send them).
 */
export async function setUpAgent(
  deps: Pick<DrpDeps, 'store' | 'clock' | 'config'>,
  input: { readonly agentId: string; readonly body: unknown },
): Promise<{ 'agent-id': string; token: string }> {
  const businessId = await requireBusinessId(deps);
  const agent = await findAgent(deps, input.agentId);
  try {
    if (agent === undefined) throw new DrpError(403, 'unknown agent');
    checkSignedMessage(input.body, { agent, businessId, now: deps.clock.now(), envelope: 'required' });
  } catch (error) {
    if (!(error instanceof DrpError)) throw error;
    throw new DrpError(403, error.message, { bodyless: true });
  }
  const token = await issueAgentToken(deps, agent.id, businessId);
  await appendAudit(deps, {
    actor: `drp:${agent.id}`,
    action: 'drp.agent_setup',
    target: `drp-agent:${agent.id}`,
  });
  return { 'agent-id': agent.id, token };
}
