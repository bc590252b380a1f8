import { boundValues, type DataConnection } from '../../connectors/data-connection.ts';
import { captureStep } from '../collect/capture-step.ts';
import { sourceMatch } from '../collect/source-values.ts';
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
  const match = sourceMatch(source, plan.identities, upstream, tableOf(plan));
  const count =
    boundValues(match).length === 0
      ? 0
      : await connection.countRows({ collection: step.table, match }, signal);
  return { count, rows: [], values: {} };
}

/** A step's table (or key template) by step id. */
export function tableOf(plan: RequestPlan): (id: string) => string {
  return (id) => plan.steps.find((s) => s.id === id)?.table ?? id;
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
  derived: ReadonlySet<string> = new Set(),
): Promise<Captured> {
  const rows = new Map<string, CapturedRows>();
  const failures = new Map<string, string>();
  let saving = Promise.resolve();
  // Checkpoints not stored yet: those ready together (steps found without a read) share one commit.
  let queued: { key: string; collection: string; value: CapturedRows }[] = [];
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
        const stored = parseState<StoredCapture>(record.state);
        const [source] = step.sources;
        // Not read before: matched again from the upstream's checkpointed keys, as the first run matched them.
        if (stored.derived === true && source !== undefined) {
          const match = sourceMatch(source, plan.identities, (id) => rows.get(id), tableOf(plan));
          rows.set(step.id, { count: 0, rows: [], values: {}, match });
        } else rows.set(step.id, fromStoredCapture(stored));
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
            const [source] = step.sources;
            if (derived.has(step.id) && source !== undefined && connection.updateMatching !== undefined) {
              const match = sourceMatch(source, plan.identities, upstream, tableOf(plan));
              return { count: 0, rows: [], values: {}, match } satisfies CapturedRows;
            }
            return needsRows.has(step.id) || step.sources.length !== 1
              ? captureStep(connection, step, plan.identities, upstream, signal, tableOf(plan))
              : countStep(connection, step, plan, upstream, signal);
          },
          deps.retry ?? defaultRetryPolicy,
          signal,
          () => connections.reset(step.dataset),
        );
        rows.set(step.id, value);
        // Checkpointed once the next step's read is on its way (a macrotask later), so that writing it overlaps
        // the database's work; every checkpoint is stored before this phase returns, so before any change.
        queued.push({ key, collection: step.name, value });
        saving = saving
          .then(() => new Promise((resolve) => setImmediate(resolve)))
          .then(() => {
            const steps = queued.map(({ key, collection, value }) => ({
              key,
              collection,
              status: 'done' as const,
              patch: {
                state: stringifyState(toStoredCapture(value)),
                result: JSON.stringify({ rows: value.count }),
                error: null,
              },
            }));
            queued = [];
            return tracker.endedAll(steps);
          });
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
