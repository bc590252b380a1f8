import { appendAudit } from '../../audit/append-audit.ts';
import type { DataConnection } from '../../connectors/data-connection.ts';
import { applyChange } from '../erasure/apply-change.ts';
import { withCycleBreaks } from '../erasure/cycle-breaks.ts';
import type { SharedRows } from '../erasure/find-shared-rows.ts';
import { prepareErasure } from '../erasure/prepare-erasure.ts';
import { matchedResult, prepareMatchedErasure } from '../erasure/prepare-matched-erasure.ts';
import type { PreparedChange } from '../erasure/prepared-change.ts';
import { fromStoredChange, toStoredChange, type StoredChange } from '../erasure/update-columns.ts';
import type { PlanStep, RequestPlan } from '../plan/request-plan.ts';
import { prepareRectification } from '../rectification/prepare-rectification.ts';
import type { StepCorrections } from '../rectification/corrections.ts';
import { failureMessage, type Captured } from './capture-phase.ts';
import type { DatasetConnections } from './dataset-connections.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { failedCollection, type CollectionResult } from './request-result.ts';
import { defaultRetryPolicy, delay, withRetry } from './retry-policy.ts';
import { parseState, stringifyState } from './state-json.ts';
import type { StepTracker } from './step-tracker.ts';

/** Which change a phase makes, and with what. */
export interface ChangeRequest {
  readonly kind: 'erase' | 'rectify';
  /** Step ids in the order to change them. */
  readonly order: readonly string[];
  readonly corrections: StepCorrections;
  readonly dryRun: boolean;
  readonly actor: string;
}

function prepare(
  deps: RequestEngineDeps,
  plan: RequestPlan,
  step: PlanStep,
  request: ChangeRequest,
  connection: DataConnection,
  captured: Captured,
  shared: SharedRows,
  signal: AbortSignal,
): Promise<PreparedChange> {
  const rows = captured.rows.get(step.id);
  if (rows === undefined) throw new Error('not captured');
  if (rows.match !== undefined && request.kind === 'erase')
    return prepareMatchedErasure(connection, step, rows.match, deps.clock.now(), signal);
  if (request.kind === 'rectify')
    return prepareRectification(
      connection,
      step,
      rows,
      request.corrections.get(step.id) ?? {},
      shared.get(step.id),
      signal,
    );
  const context = { connection, secret: deps.secret, now: deps.clock.now() };
  return prepareErasure(context, step, rows, shared.get(step.id), signal).then((p) =>
    withCycleBreaks(plan, step, p, captured.rows),
  );
}

/**
 * Whether a prepared erasure needs no checkpoint because computing it again gives the same change: nothing to
 * write, a set-based update on a match, or masked values that follow from the captured keys alone (null,
 * fixed, placeholders; not random ones, not from the values read).
 */
function followsFromKeys(step: PlanStep, request: ChangeRequest, prepared: PreparedChange): boolean {
  if (request.kind !== 'erase') return false;
  if (prepared.matching !== undefined) return true;
  if (prepared.updates.length === 0 && prepared.deletes.length === 0 && (prepared.detach ?? []).length === 0)
    return true;
  return (
    prepared.unread === true &&
    prepared.deletes.length === 0 &&
    step.fields.every((f) => f.action !== 'mask' || f.strategy?.kind !== 'random')
  );
}

/**
 * Changes the subject's rows step by step. Each step is computed first and checkpointed (`prepared`), then
 * applied and marked done; a resumed step re-applies its checkpoint rather than computing anew, so masked
 * values, random ones included, come out the same. Rectified cells go to the audit with before and after.
 */
export async function changePhase(
  deps: RequestEngineDeps,
  plan: RequestPlan,
  request: ChangeRequest,
  connections: DatasetConnections,
  captured: Captured,
  shared: SharedRows,
  tracker: StepTracker,
  signal: AbortSignal,
): Promise<Map<string, CollectionResult>> {
  const results = new Map<string, CollectionResult>();
  const retry = deps.retry ?? defaultRetryPolicy;
  for (const id of request.order) {
    const step = plan.steps.find((s) => s.id === id);
    if (step === undefined) continue;
    const key = `${request.kind}:${id}`;
    const record = tracker.record(key);
    if (record?.status === 'done' && record.result !== null) {
      results.set(id, JSON.parse(record.result) as CollectionResult);
      continue;
    }
    try {
      const missing = captured.failures.get(id);
      if (missing !== undefined) throw new Error(`its rows could not be found: ${missing}`);
      if (deps.stepDelayMs !== undefined && !request.dryRun) await delay(deps.stepDelayMs, signal);
      const { value: result } = await withRetry(
        async () => {
          const connection = await connections.get(step.dataset, signal);
          const current = tracker.record(key);
          let prepared: PreparedChange;
          if (current?.status === 'prepared' && current.state !== null)
            prepared = fromStoredChange(parseState<StoredChange>(current.state));
          else {
            prepared = await prepare(deps, plan, step, request, connection, captured, shared, signal);
            if (!followsFromKeys(step, request, prepared))
              await tracker.save(key, {
                status: 'prepared',
                state: stringifyState(toStoredChange(prepared)),
              });
          }
          if (request.dryRun)
            return prepared.matching === undefined
              ? prepared.result
              : matchedResult(
                  step,
                  prepared.matching,
                  await connection.countRows(
                    { collection: step.table, match: prepared.matching.match },
                    signal,
                  ),
                );
          const applied = await applyChange(connection, step, prepared, signal);
          if (tracker.runId !== null && (prepared.changes?.length ?? 0) > 0)
            await deps.store.transaction(async (trx) => {
              await appendAudit(
                deps,
                {
                  actor: request.actor,
                  action: 'request.rectification.change',
                  target: `request-run:${tracker.runId}`,
                  details: { dataset: step.dataset, collection: step.collection, changes: prepared.changes },
                },
                trx,
              );
            });
          return applied;
        },
        retry,
        signal,
        () => connections.reset(step.dataset),
      );
      results.set(id, result);
      await tracker.ended(key, step.name, 'done', { result: JSON.stringify(result), error: null });
    } catch (error) {
      if (signal.aborted) throw error;
      results.set(id, failedCollection(step.dataset, failureMessage(error)));
      await tracker.save(key, {
        status: 'failed',
        attempt: (record?.attempt ?? 0) + 1,
        error: failureMessage(error),
      });
      await tracker.ended(key, step.name, 'failed');
    }
  }
  return results;
}
