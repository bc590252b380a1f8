import type { Kysely } from 'kysely';
import { appendAudit } from '../../audit/append-audit.ts';
import { PrivetError } from '../../domain/errors.ts';
import type { Database } from '../../store/schema.ts';
import { toDataSubjectRequest, type DataSubjectRequest } from '../data-subject-request.ts';
import { enqueueStatusChanged } from '../lifecycle/status-changed-job.ts';
import { deliverRequestMail } from '../messages/send-request-message.ts';
import { readRequestRow } from '../read-request.ts';
import type { RequestDeps } from '../request-deps.ts';

/** What a staff action left to do once its transaction committed. */
export interface ActionEffects {
  readonly eventIds: string[];
  readonly mail: { outboxId: string; queued: boolean }[];
  after?: () => Promise<void>;
}

/**
 * Runs a staff action on one request in a transaction (reading the request inside it), audits it with the
 * actor and details, then queues status listeners and mail. Returns the request as it is afterwards.
 */
export async function runStaffAction(
  deps: RequestDeps,
  input: { requestId: string; actor: string; action: string; details?: Record<string, unknown> },
  fn: (trx: Kysely<Database>, request: DataSubjectRequest, effects: ActionEffects) => Promise<void>,
): Promise<DataSubjectRequest> {
  const effects: {
    eventIds: string[];
    mail: { outboxId: string; queued: boolean }[];
    after?: () => Promise<void>;
  } = {
    eventIds: [],
    mail: [],
  };
  const updated = await deps.store.transaction(async (trx) => {
    const row = await readRequestRow(trx, input.requestId);
    if (row === undefined) throw new PrivetError('not_found', `No request ${input.requestId}`);
    await fn(trx, toDataSubjectRequest(row), effects);
    await appendAudit(
      deps,
      {
        actor: input.actor,
        action: `request.${input.action}`,
        target: `request:${input.requestId}`,
        details: input.details ?? {},
      },
      trx,
    );
    const after = await readRequestRow(trx, input.requestId);
    if (after === undefined) throw new PrivetError('not_found', `No request ${input.requestId}`);
    return toDataSubjectRequest(after);
  });
  await enqueueStatusChanged(deps, effects.eventIds);
  await deliverRequestMail(deps, effects.mail);
  await effects.after?.();
  return updated;
}
