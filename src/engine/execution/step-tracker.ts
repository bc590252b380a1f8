import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { saveProgress, saveStep, type StepRecord } from './run-store.ts';

/** A run's steps as the phases see them: their checkpoints, and saving them with progress. */
export interface StepTracker {
  readonly runId: string | null;
  /** The step's stored record (undefined in a dry run or for a step not stored yet). */
  record(key: string): StepRecord | undefined;
  /** Stores a step's new status (nothing in a dry run). */
  save(key: string, patch: Parameters<typeof saveStep>[3]): Promise<void>;
  /**
   * Counts a step as ended, stores progress and tells `onProgress`; with `patch`, also stores the step's
   * new status (`status`, in the same commit).
   */
  ended(key: string, collection: string, status: 'done' | 'failed', patch?: StepPatch): Promise<void>;
  /** Several steps ended, stored in one commit with the progress (in `trx` when given: the caller's commit). */
  endedAll(steps: readonly EndedStep[], trx?: Kysely<Database>): Promise<void>;
}

/** A step's new fields besides its status. */
export type StepPatch = Omit<Parameters<typeof saveStep>[3], 'status'>;

/** A step that ended, with what to store. */
export interface EndedStep {
  readonly key: string;
  readonly collection: string;
  readonly status: 'done' | 'failed';
  readonly patch?: StepPatch;
}

/** A tracker over the stored steps of a run, or over nothing (`runId` null: a dry run). */
export function stepTracker(
  deps: RequestEngineDeps,
  runId: string | null,
  records: readonly StepRecord[],
  total: number,
): StepTracker {
  const byKey = new Map(records.map((r) => [r.key, r]));
  let done = records.filter((r) => r.status === 'done').length;
  const endedAll = async (steps: readonly EndedStep[], outer?: Kysely<Database>) => {
    if (steps.length === 0) return;
    const counted = steps.map((s) => (s.status === 'done' ? (done += 1) : done));
    const store = async (trx: Kysely<Database>, id: string) => {
      for (const { key, status, patch } of steps)
        if (patch !== undefined) await saveStep(deps, id, key, { ...patch, status }, trx);
      await saveProgress(deps, id, done, total, trx);
    };
    if (runId !== null)
      await (outer === undefined ? deps.store.transaction((trx) => store(trx, runId)) : store(outer, runId));
    steps.forEach(({ key, collection, status, patch }, i) => {
      const before = byKey.get(key);
      if (before !== undefined && patch !== undefined && runId !== null)
        byKey.set(key, { ...before, ...patch, status });
      const phase = key.slice(0, key.indexOf(':'));
      deps.onProgress?.({ runId, done: counted[i] ?? done, total, phase, collection, status });
    });
  };
  return {
    runId,
    record: (key) => byKey.get(key),
    endedAll,
    save: async (key, patch) => {
      if (runId === null) return;
      await saveStep(deps, runId, key, patch);
      const before = byKey.get(key);
      if (before !== undefined) byKey.set(key, { ...before, ...patch });
    },
    ended: (key, collection, status, patch) =>
      endedAll([{ key, collection, status, ...(patch === undefined ? {} : { patch }) }]),
  };
}
