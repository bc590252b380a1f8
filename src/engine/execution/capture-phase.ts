import type { DataConnection } from '../../connectors/data-connection.ts';
import { captureStep } from '../collect/capture-step.ts';
import { sourceValues } from '../collect/source-values.ts';
import {
  fromStoredCapture,
  toStoredCapture,
  type CapturedRows,
  type StoredCapture,
} from '../collect/captured-rows.ts';
import type { PlanStep, RequestPlan } from '../plan/request-plan.ts';
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
 * The steps whose captured rows (not only their count) later work reads: those the request changes, those
 * other steps are found from, and the owners of referrers the shared-row check asks about. With a row delete
 * anywhere, every step: breaking a loop of references reads the rows of any step.
 */
export function stepsNeedingRows(plan: RequestPlan, changing: ReadonlySet<string>): Set<string> {
  if (plan.steps.some((s) => s.rowDelete)) return new Set(plan.steps.map((s) => s.id));
  const needed = new Set(changing);
  for (const step of plan.steps) {
    for (const source of step.sources) if (source.kind === 'reference') needed.add(source.from);
    // Only steps found because the subject's rows point at them get the shared-row check (findSharedRows).
    if (step.sources.some((s) => s.kind === 'reference' && s.relation === 'referenced'))
      for (const referrer of step.referrers) if (referrer.step !== undefined) needed.add(referrer.step);
  }
  return needed;
}

// A step nobody reads the rows of is only counted: an erasure need not read an invoice's lines to keep them.
async function countStep(
  connection: DataConnection,
  step: PlanStep,
  plan: RequestPlan,
  upstream: (id: string) => CapturedRows | undefined,
  signal: AbortSignal,
): Promise<CapturedRows> {
  const [source] = step.sources;
  if (source === undefined) return { count: 0, rows: [], values: {} };
  const values = sourceValues(source, plan.identities, upstream);
  const transform = source.kind === 'identity' ? source.transform : 'none';
  const count =
    values.length === 0
      ? 0
      : await connection.countRows(
          { collection: step.table, match: { field: source.field, values, transform } },
          signal,
        );
  return { count, rows: [], values: {} };
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
  needsRows: ReadonlySet<string> = new Set(plan.steps.map((s) => s.id)),
): Promise<Captured> {
  const rows = new Map<string, CapturedRows>();
  const failures = new Map<string, string>();
  let saving = Promise.resolve();
  try {
    await captureSteps();
  } finally {
    // Stored even when a later step is cancelled, as they were when stored at once.
    await saving.catch(() => undefined);
  }
  await saving;
  return { rows, failures };

  async function captureSteps(): Promise<void> {
    for (const step of plan.steps) {
      const key = `capture:${step.id}`;
      const record = tracker.record(key);
      if (record?.status === 'done' && record.state !== null) {
        rows.set(step.id, fromStoredCapture(parseState<StoredCapture>(record.state)));
        continue;
      }
      const blocked = step.sources.find((s) => s.kind === 'reference' && !rows.has(s.from));
      try {
        if (blocked !== undefined && blocked.kind === 'reference')
          throw new Error(
            `not searched: ${blocked.from} could not be searched (${failures.get(blocked.from) ?? 'failed'})`,
          );
        const { value } = await withRetry(
          async () => {
            const connection = await connections.get(step.dataset, signal);
            const upstream = (id: string) => rows.get(id);
            return needsRows.has(step.id) || step.sources.length !== 1
              ? captureStep(connection, step, plan.identities, upstream, signal)
              : countStep(connection, step, plan, upstream, signal);
          },
          deps.retry ?? defaultRetryPolicy,
          signal,
          () => connections.reset(step.dataset),
        );
        rows.set(step.id, value);
        // Checkpointed once the next step's read is on its way (a macrotask later), so that writing it overlaps
        // the database's work; every checkpoint is stored before this phase returns, so before any change.
        saving = saving
          .then(() => new Promise((resolve) => setImmediate(resolve)))
          .then(() =>
            tracker.save(key, {
              status: 'done',
              state: stringifyState(toStoredCapture(value)),
              result: JSON.stringify({ rows: value.count }),
              error: null,
            }),
          )
          .then(() => tracker.ended(key, step.name, 'done'));
        // Handled here so a failure waits for the end of the phase rather than crashing the process.
        saving.catch(() => undefined);
      } catch (error) {
        if (signal.aborted) throw error;
        failures.set(step.id, failureMessage(error));
        await saving;
        await tracker.save(key, {
          status: 'failed',
          attempt: (record?.attempt ?? 0) + 1,
          error: failureMessage(error),
        });
        await tracker.ended(key, step.name, 'failed');
      }
    }
  }
}
