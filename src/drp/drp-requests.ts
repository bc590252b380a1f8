// The one file through which DRP reaches the requests capability (createRequestIn / transitionRequestIn), so
// that the DRP row is written in the same transaction as the request it belongs to.
import type { Kysely } from 'kysely';
import { getRequest } from '../requests/read-request.ts';
import { createRequestIn, type NewRequest } from '../requests/intake/create-request.ts';
import type { DataSubjectRequest } from '../requests/data-subject-request.ts';
import { queueExecution, startRequestIn } from '../requests/execution/start-request.ts';
import { enqueueStatusChanged } from '../requests/lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../requests/lifecycle/transition-request.ts';
import { deliverRequestMail } from '../requests/messages/send-request-message.ts';
import { resendVerificationCode } from '../requests/intake/submit-public-request.ts';
import { verifyRequestCode, type VerifiedAnswer } from '../requests/verification/verify-request.ts';
import type { RequestDeps } from '../requests/request-deps.ts';
import type { Database } from '../store/schema.ts';

/** What DRP needs from the requests capability. */
export type DrpRequestDeps = RequestDeps;

export type { DataSubjectRequest, NewRequest };

/** What happens to a request from an agent right after it is created. */
export type AgentRequestNext =
  /** The agent's claims are not enough: the person verifies through the privacy center (`verifying`). */
  | { readonly kind: 'user_verification'; readonly reason: string }
  /** Verified by the agent and the organisation lets such requests start without staff. */
  | { readonly kind: 'start'; readonly reason: string }
  /** Verified by the agent (or not needing it); staff approve the start. */
  | { readonly kind: 'wait' };

/**
 * Creates a request and, in the same transaction, whatever `link` writes (the DRP row) and the next step;
 * then queues the status listeners, any mail and the work of a started request once committed.
 */
export async function createLinkedRequest(
  deps: DrpRequestDeps,
  input: NewRequest,
  link: (trx: Kysely<Database>, request: DataSubjectRequest) => Promise<void>,
  next: AgentRequestNext = { kind: 'wait' },
): Promise<DataSubjectRequest> {
  const created = await deps.store.transaction(async (trx) => {
    const result = await createRequestIn(deps, trx, input);
    await link(trx, result.request);
    const eventIds = [...result.eventIds];
    let request = result.request;
    let started: { request: DataSubjectRequest; eventId: string } | undefined;
    if (next.kind === 'user_verification') {
      const asked = await transitionRequestIn(deps, trx, {
        requestId: request.id,
        to: 'verifying',
        actor: input.actor,
        reason: next.reason,
      });
      eventIds.push(asked.eventId);
      request = asked.request;
    } else if (next.kind === 'start') {
      started = await startRequestIn(deps, trx, {
        requestId: request.id,
        actor: 'system',
        reason: next.reason,
      });
      request = started.request;
    }
    return { ...result, request, eventIds, started };
  });
  await afterCommit(deps, created.eventIds, created.mail);
  // As when a person verifies on the web: a failure here answers 500, and the agent's retry of the same
  // signed message finds the committed request.
  if (created.started !== undefined) await queueExecution(deps, created.started);
  return created.request;
}

/** Cancels a request for its agent and, in the same transaction, runs `link` (marks the DRP row revoked). */
export async function cancelLinkedRequest(
  deps: DrpRequestDeps,
  input: { readonly requestId: string; readonly actor: string; readonly reason: string },
  link: (trx: Kysely<Database>) => Promise<void>,
): Promise<DataSubjectRequest> {
  const result = await deps.store.transaction(async (trx) => {
    const changed = await transitionRequestIn(deps, trx, { ...input, to: 'cancelled' });
    await link(trx);
    return changed;
  });
  await afterCommit(deps, [result.eventId], []);
  return result.request;
}

// The request is committed by now: the agent gets its answer even if queuing fails, since the
// `requests.notify-sweep` schedule delivers status events that no job picked up, and queued mail is swept too.
async function afterCommit(
  deps: DrpRequestDeps,
  eventIds: readonly string[],
  mail: Parameters<typeof deliverRequestMail>[1],
): Promise<void> {
  try {
    await enqueueStatusChanged(deps, eventIds);
    await deliverRequestMail(deps, mail);
  } catch {
    // Swept later, as above.
  }
}

/** A request by id. */
export async function readLinkedRequest(
  deps: Pick<DrpRequestDeps, 'store'>,
  requestId: string,
): Promise<DataSubjectRequest | undefined> {
  return getRequest(deps, requestId);
}

/** Emails the person of a verifying request a new code and link (throttled per request and address). */
export function sendUserVerificationCode(deps: DrpRequestDeps, requestId: string): Promise<void> {
  return resendVerificationCode(deps, requestId);
}

/** Checks the person's code; verified requests are acknowledged and started as on the web form. */
export function verifyUserCode(
  deps: DrpRequestDeps,
  input: { readonly requestId: string; readonly code: string },
): Promise<VerifiedAnswer> {
  return verifyRequestCode(deps, input);
}
