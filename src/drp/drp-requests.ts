// The one file through which DRP reaches the requests capability (createRequestIn / transitionRequestIn), so
// that the DRP row is written in the same transaction as the request it belongs to.
import type { Kysely } from 'kysely';
import { getRequest } from '../requests/read-request.ts';
import { createRequestIn, type NewRequest } from '../requests/intake/create-request.ts';
import type { DataSubjectRequest } from '../requests/data-subject-request.ts';
import { enqueueStatusChanged } from '../requests/lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../requests/lifecycle/transition-request.ts';
import { deliverRequestMail } from '../requests/messages/send-request-message.ts';
import type { RequestDeps } from '../requests/request-deps.ts';
import type { Database } from '../store/schema.ts';

/** What DRP needs from the requests capability. */
export type DrpRequestDeps = RequestDeps;

export type { DataSubjectRequest, NewRequest };

/**
 * Creates a request and, in the same transaction, whatever `link` writes (the DRP row); then queues the status
 * listeners and any mail once committed.
 */
export async function createLinkedRequest(
  deps: DrpRequestDeps,
  input: NewRequest,
  link: (trx: Kysely<Database>, request: DataSubjectRequest) => Promise<void>,
): Promise<DataSubjectRequest> {
  const created = await deps.store.transaction(async (trx) => {
    const result = await createRequestIn(deps, trx, input);
    await link(trx, result.request);
    return result;
  });
  await afterCommit(deps, created.eventIds, created.mail);
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
