import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { toDataSubjectRequest, type DataSubjectRequest } from '../data-subject-request.ts';
import { readRequestRow } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';
import { FINAL_STATUSES, type RequestStatus } from '../request-vocabulary.ts';
import { appendRequestEvent } from './append-request-event.ts';
import { findTransition } from './request-transitions.ts';
import { enqueueStatusChanged } from './status-changed-job.ts';

/** A status change to make. */
export interface TransitionInput {
  readonly requestId: string;
  readonly to: RequestStatus;
  readonly actor: string;
  readonly reason?: string | undefined;
  /** Whether the requester sees the reason on their status page (default true). */
  readonly publicReason?: boolean;
  /** Kept with the timeline event, e.g. the parts of a reason the status page shows in its own words. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The request after the change and the timeline event that records it. */
export interface TransitionResult {
  readonly request: DataSubjectRequest;
  readonly eventId: string;
}

/**
 * Moves a request to another status if the state machine allows it for this actor, in the caller's
 * transaction (`trx`) or its own. Records a timeline event and an audit entry; a concurrent change of the
 * same request makes one of the two fail with `conflict`. Listeners hear of it through `requests.status-changed`.
 */
export async function transitionRequestIn(
  deps: RequestDeps,
  trx: Kysely<Database>,
  input: TransitionInput,
): Promise<TransitionResult> {
  const row = await readRequestRow(trx, input.requestId);
  if (row === undefined) throw new PrivetError('not_found', `No request ${input.requestId}`);
  const from = row.status as RequestStatus;
  if (findTransition(from, input.to, input.actor) === undefined) {
    throw new PrivetError('conflict', `A ${from} request cannot become ${input.to} by this actor`, {
      issues: [{ code: 'transition_not_allowed', path: 'status', message: `${from} → ${input.to}` }],
    });
  }
  const at = deps.clock.now().toISOString();
  const changes: Partial<typeof row> = { status: input.to, updated_at: at };
  if (input.to === 'verified') changes.verified_at = at;
  if (FINAL_STATUSES.includes(input.to)) changes.completed_at = at;
  const updated = await trx
    .updateTable('requests')
    .set(changes)
    .where('id', '=', row.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new PrivetError('conflict', `Request ${row.id} changed meanwhile; reload it`);
  }
  const event = await appendRequestEvent(deps, trx, {
    requestId: row.id,
    kind: 'status',
    actor: input.actor,
    from,
    to: input.to,
    reason: input.reason,
    public: input.publicReason !== false,
    ...(input.data === undefined ? {} : { data: input.data }),
  });
  await appendAudit(
    deps,
    {
      actor: input.actor,
      action: 'request.transition',
      target: `request:${row.id}`,
      details: { from, to: input.to, ...(input.reason === undefined ? {} : { reason: input.reason }) },
    },
    trx,
  );
  return { request: toDataSubjectRequest({ ...row, ...changes }), eventId: event.id };
}

/** Moves a request to another status in its own transaction, then queues the listeners' job. */
export async function transitionRequest(
  deps: RequestDeps,
  input: TransitionInput,
): Promise<DataSubjectRequest> {
  const result = await deps.store.transaction((trx) => transitionRequestIn(deps, trx, input));
  await enqueueStatusChanged(deps, [result.eventId]);
  return result.request;
}
