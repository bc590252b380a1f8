import { captureStep } from '../collect/capture-step.ts';
import type { CapturedRows } from '../collect/captured-rows.ts';
import type { RequestPlan } from '../plan/request-plan.ts';
import type { DatasetConnections } from './dataset-connections.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { defaultRetryPolicy, withRetry } from './retry-policy.ts';
import { parseState, stringifyState } from './state-json.ts';
import type { StepTracker } from './step-tracker.ts';

/** The captured rows per step id, and why the others could not be captured. */
export interface Captured {
  readonly rows: ReadonlyMap<string, CapturedRows>;
  readonly failures: ReadonlyMap<string, string>;
}

/** Why a step failed, in one line for people (never a stack). */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Finds the subject's rows step by step, in plan order, and checkpoints their keys: a resumed run keeps what
 * it captured before (so rows already masked, whose email no longer matches, are still the subject's). A
 * step whose upstream failed fails too; transient errors are retried on a fresh connection.
 */
export async function capturePhase(
  deps: RequestEngineDeps,
  plan: RequestPlan,
  connections: DatasetConnections,
  tracker: StepTracker,
  signal: AbortSignal,
): Promise<Captured> {
  const rows = new Map<string, CapturedRows>();
  const failures = new Map<string, string>();
  for (const step of plan.steps) {
    const key = `capture:${step.id}`;
    const record = tracker.record(key);
    if (record?.status === 'done' && record.state !== null) {
      rows.set(step.id, parseState<CapturedRows>(record.state));
      continue;
    }
    const blocked = step.sources.find((s) => s.kind === 'reference' && !rows.has(s.from));
    try {
      if (blocked !== undefined && blocked.kind === 'reference')
        throw new Error(
          `not searched: ${blocked.from} could not be searched (${failures.get(blocked.from) ?? 'failed'})`,
        );
      const { value } = await withRetry(
        async () =>
          captureStep(
            await connections.get(step.dataset, signal),
            step,
            plan.identities,
            (id) => rows.get(id),
            signal,
          ),
        deps.retry ?? defaultRetryPolicy,
        signal,
        () => connections.reset(step.dataset),
      );
      rows.set(step.id, value);
      await tracker.save(key, {
        status: 'done',
        state: stringifyState(value),
        result: JSON.stringify({ rows: value.count }),
        error: null,
      });
      await tracker.ended(key, step.name, 'done');
    } catch (error) {
      if (signal.aborted) throw error;
      failures.set(step.id, failureMessage(error));
      await tracker.save(key, {
        status: 'failed',
        attempt: (record?.attempt ?? 0) + 1,
        error: failureMessage(error),
      });
      await tracker.ended(key, step.name, 'failed');
    }
  }
  return { rows, failures };
}
