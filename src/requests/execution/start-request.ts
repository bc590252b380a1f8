import type { Kysely } from 'kysely';
import { newId } from '../../domain/ids.ts';
import type { Database } from '../../store/schema.ts';
import type { DataSubjectRequest } from '../data-subject-request.ts';
import { transitionRequestIn } from '../lifecycle/transition-request.ts';
import { enqueueStatusChanged } from '../lifecycle/status-changed-job.ts';
import type { RequestDeps } from '../request-deps.ts';
import { ENGINE_TYPES, type RequestType } from '../request-vocabulary.ts';
import { connectedDatasetKeys } from './request-bindings.ts';

/** The job that carries out a started request. */
export const EXECUTE_JOB = 'requests.execute';

const LEDGER_TARGET: Partial<Record<RequestType, string>> = {
  restriction: 'processing-limits',
  objection: 'processing-limits',
  consent_withdrawal: 'consent-ledger',
  opt_out_sale: 'consent-ledger',
  opt_in_sale: 'consent-ledger',
};

/** The automatic tasks of a request: one per connected dataset for the engine, or one for the ledger. */
async function automaticTargets(trx: Kysely<Database>, type: RequestType): Promise<string[]> {
  if ((ENGINE_TYPES as readonly string[]).includes(type)) return connectedDatasetKeys(trx);
  const target = LEDGER_TARGET[type];
  return target === undefined ? [] : [target];
}

/**
 * Moves a verified request to `in_progress` and creates its automatic tasks, in the caller's transaction.
 * Returns the status event; `queueExecution` then starts the work once the transaction committed.
 */
export async function startRequestIn(
  deps: RequestDeps,
  trx: Kysely<Database>,
  input: { requestId: string; actor: string; reason?: string | undefined },
): Promise<{ request: DataSubjectRequest; eventId: string }> {
  const started = await transitionRequestIn(deps, trx, {
    requestId: input.requestId,
    to: 'in_progress',
    actor: input.actor,
    reason: input.reason,
  });
  const now = deps.clock.now();
  const at = now.toISOString();
  const existing = new Set(
    (
      await trx
        .selectFrom('request_tasks')
        .select('target')
        .where('request_id', '=', input.requestId)
        .where('kind', '=', 'automatic')
        .execute()
    ).map((t) => t.target),
  );
  for (const target of await automaticTargets(trx, started.request.type)) {
    if (existing.has(target)) continue;
    await trx
      .insertInto('request_tasks')
      .values({
        id: newId('rqt', now),
        request_id: input.requestId,
        kind: 'automatic',
        target,
        title: `${started.request.type}: ${target}`,
        instructions: '',
        assignee_id: null,
        due_at: started.request.dueAt,
        status: 'pending',
        result: null,
        error: null,
        upload_path: null,
        upload_sha256: null,
        reminded_at: null,
        created_at: at,
        updated_at: at,
        completed_at: null,
        completed_by: null,
      })
      .execute();
  }
  return started;
}

/** Queues the status listeners and the execution job of a request started in a committed transaction. */
export async function queueExecution(
  deps: RequestDeps,
  started: { request: DataSubjectRequest; eventId: string },
): Promise<void> {
  await enqueueStatusChanged(deps, [started.eventId]);
  await deps.queue?.enqueue(
    EXECUTE_JOB,
    { requestId: started.request.id },
    { idempotencyKey: `${EXECUTE_JOB}:${started.eventId}` },
  );
}

/** Starts a verified request in its own transaction and queues its work. */
export async function startRequest(
  deps: RequestDeps,
  input: { requestId: string; actor: string; reason?: string | undefined },
): Promise<DataSubjectRequest> {
  const started = await deps.store.transaction((trx) => startRequestIn(deps, trx, input));
  await queueExecution(deps, started);
  return started.request;
}
