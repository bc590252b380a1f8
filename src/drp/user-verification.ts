import { PrivetError } from '../domain/errors.ts';
import type { RequestStatus } from '../requests/request-vocabulary.ts';
import { findAgent } from './agent-registry.ts';
import type { DrpAgent } from './drp-agent.ts';
import type { DrpDeps } from './drp-deps.ts';
import { readLinkedRequest, sendUserVerificationCode, verifyUserCode } from './drp-requests.ts';
import type { DrpAction } from './drp-vocabulary.ts';

/** What the privacy center shows a person an agent sent to verify (spec 3.02.1). */
export interface AgentVerificationView {
  readonly agentName: string;
  readonly exercise: DrpAction;
  /** True while the person still has to confirm; false once verified (or closed). */
  readonly needsVerification: boolean;
  readonly status: RequestStatus;
}

/** Which agent request a page is about: the id in the URL and the agent's `request_id` must name the same one. */
export interface AgentVerificationRef {
  readonly drpRequestId: string;
  readonly requestId: string;
}

function notFound(): PrivetError {
  return new PrivetError('not_found', 'No request of an authorized agent waits for this verification');
}

async function find(deps: DrpDeps, ref: AgentVerificationRef) {
  // The spec: verify that the agent's request_id names the same request before presenting a verification.
  if (ref.drpRequestId !== ref.requestId) throw notFound();
  const row = await deps.store.db
    .selectFrom('drp_requests')
    .select(['request_id', 'agent_id', 'exercise'])
    .where('id', '=', ref.drpRequestId)
    .executeTakeFirst();
  if (row === undefined) throw notFound();
  const request = await readLinkedRequest(deps, row.request_id);
  if (request === undefined) throw notFound();
  const agent = await findAgent(deps, row.agent_id);
  return { row, request, agent };
}

/** The request behind a user verification URL, as much as the page needs (no personal data). */
export async function readAgentVerification(
  deps: DrpDeps,
  ref: AgentVerificationRef,
): Promise<AgentVerificationView> {
  const { row, request, agent } = await find(deps, ref);
  return {
    agentName: agent?.name ?? row.agent_id,
    exercise: row.exercise as DrpAction,
    needsVerification: request.status === 'verifying',
    status: request.status,
  };
}

/** Emails the person a code and link for the agent's request, while it waits for them. */
export async function sendAgentVerificationCode(deps: DrpDeps, ref: AgentVerificationRef): Promise<void> {
  const { request } = await find(deps, ref);
  if (request.status !== 'verifying') {
    throw new PrivetError('conflict', 'This request needs no more verification');
  }
  await sendUserVerificationCode(deps, request.id);
}

/**
 * Where to send the person after verifying: the agent's `redirect_to` when it is an https address on the
 * agent's own web site (any https address when the agent names no site); otherwise nowhere, so the page can
 * never be used to forward people to a third party.
 */
export function safeRedirect(redirectTo: string | undefined, agent: DrpAgent | undefined): string | null {
  if (redirectTo === undefined || agent === undefined) return null;
  let target: URL;
  try {
    target = new URL(redirectTo);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' || target.username !== '' || target.password !== '') return null;
  if (agent.webUrl === null) return target.toString();
  let site: URL;
  try {
    site = new URL(agent.webUrl);
  } catch {
    return null;
  }
  const host = target.hostname;
  return host === site.hostname || host.endsWith(`.${site.hostname}`) ? target.toString() : null;
}

/** Checks the person's code; on success the request is verified and started, and the agent hears of it. */
export async function verifyAgentRequest(
  deps: DrpDeps,
  input: AgentVerificationRef & { readonly code: string; readonly redirectTo?: string | undefined },
): Promise<{ status: RequestStatus; statusToken: string; redirectTo: string | null }> {
  const { request, agent } = await find(deps, input);
  const answer = await verifyUserCode(deps, { requestId: request.id, code: input.code });
  return { ...answer, redirectTo: safeRedirect(input.redirectTo, agent) };
}
