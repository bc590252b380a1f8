import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import type { Jurisdiction } from '../../domain/deadlines/jurisdiction.ts';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import {
  toDataSubjectRequest,
  type DataSubjectRequest,
  type RequestDetails,
  type RequestIdentity,
} from '../data-subject-request.ts';
import { appendRequestEvent } from '../lifecycle/append-request-event.ts';
import { enqueueStatusChanged } from '../lifecycle/status-changed-job.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import { acknowledgeRequest } from '../messages/acknowledge-request.ts';
import { deliverRequestMail } from '../messages/send-request-message.ts';
import type { RequestDeps } from '../request-deps.ts';
import type { RequestChannel, RequestLanguage, RequestType } from '../request-vocabulary.ts';
import { requestDeadlines } from './request-deadlines.ts';
import { checkRequestInput } from './check-request-input.ts';

/** A request as it arrives, from the privacy center, staff, the API or an authorized agent. */
export interface NewRequest {
  readonly type: RequestType;
  readonly jurisdiction: Jurisdiction;
  readonly channel: RequestChannel;
  readonly language?: RequestLanguage | undefined;
  readonly identity: RequestIdentity;
  /** Staff entry: when the request was received (the deadlines run from it); default now. */
  readonly receivedAt?: Date | undefined;
  readonly details?: RequestDetails | undefined;
  /** Already verified (staff, or an agent that verified the identity), with how. */
  readonly verified?: { readonly by: string; readonly note: string } | undefined;
  /** `user:<id>`, `key:<id>`, `public`, `drp:<agentId>`. */
  readonly actor: string;
  /** Send the acknowledgement with the status link now (default: unless it came through the web form). */
  readonly acknowledge?: boolean;
}

/** The created request, plus the status token when an acknowledgement went out. */
export interface CreatedRequest {
  readonly request: DataSubjectRequest;
  readonly statusToken: string | undefined;
}

/** Writes a new request with its deadlines, timeline and audit, in the caller's transaction. */
export async function createRequestIn(
  deps: RequestDeps,
  trx: Kysely<Database>,
  input: NewRequest,
): Promise<CreatedRequest & { eventIds: string[]; mail: { outboxId: string; queued: boolean }[] }> {
  const identity = checkRequestInput(input, deps.clock.now());
  const now = deps.clock.now();
  const receivedAt = input.receivedAt ?? now;
  const deadlines = await requestDeadlines(trx, input.jurisdiction, receivedAt);
  const id = newId('req', now);
  const at = now.toISOString();
  const row = {
    id,
    type: input.type,
    status: 'received',
    jurisdiction: input.jurisdiction,
    channel: input.channel,
    language: input.language ?? 'en',
    email: identity.email,
    identity: JSON.stringify(identity),
    details: JSON.stringify(input.details ?? {}),
    received_at: receivedAt.toISOString(),
    verified_at: null,
    acknowledge_by: deadlines.acknowledgeBy?.toISOString() ?? null,
    due_at: deadlines.dueAt.toISOString(),
    extension_notice_by: deadlines.extensionNoticeBy.toISOString(),
    extended_due_at: deadlines.extendedDueAt.toISOString(),
    extended: 0,
    completed_at: null,
    assignee_id: null,
    fee: null,
    created_by: input.actor,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('requests').values(row).execute();
  const created = await appendRequestEvent(deps, trx, {
    requestId: id,
    kind: 'status',
    actor: input.actor,
    from: null,
    to: 'received',
    message: `Received by ${input.channel}`,
    public: true,
  });
  await appendAudit(
    deps,
    {
      actor: input.actor,
      action: 'request.create',
      target: `request:${id}`,
      details: { type: input.type, jurisdiction: input.jurisdiction, channel: input.channel },
    },
    trx,
  );
  const eventIds = [created.id];
  let request = toDataSubjectRequest(row);
  if (input.verified !== undefined) {
    const verified = await transitionRequestIn(deps, trx, {
      requestId: id,
      to: 'verified',
      actor: input.actor,
      reason: `Verified by ${input.verified.by}: ${input.verified.note}`,
      publicReason: false,
    });
    request = verified.request;
    eventIds.push(verified.eventId);
  }
  const mail: { outboxId: string; queued: boolean }[] = [];
  let statusToken: string | undefined;
  if (input.acknowledge ?? input.channel !== 'web') {
    const ack = await acknowledgeRequest(deps, trx, request, input.actor);
    statusToken = ack.statusToken;
    mail.push(ack.mail);
  }
  return { request, statusToken, eventIds, mail };
}

/** Creates a request in its own transaction, then queues its listeners' jobs and mail. */
export async function createRequest(
  deps: RequestDeps,
  input: NewRequest,
  signal?: AbortSignal,
): Promise<DataSubjectRequest> {
  signal?.throwIfAborted();
  const created = await deps.store.transaction((trx) => createRequestIn(deps, trx, input));
  await enqueueStatusChanged(deps, created.eventIds);
  await deliverRequestMail(deps, created.mail);
  return created.request;
}
