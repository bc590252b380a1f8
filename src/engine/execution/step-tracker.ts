import type { RequestEngineDeps } from './request-engine-deps.ts';
import { saveProgress, saveStep, type StepRecord } from './run-store.ts';

/** A run's steps as the phases see them: their checkpoints, and saving them with progress. */
export interface StepTracker {
  readonly runId: string | null;
  /** The step's stored record (undefined in a dry run or for a step not stored yet). */
  record(key: string): StepRecord | undefined;
  /** Stores a step's new status (nothing in a dry run). */
  save(key: string, patch: Parameters<typeof saveStep>[3]): Promise<void>;
  /** Counts a step as ended, stores progress and tells `onProgress`. */
  ended(key: string, collection: string, status: 'done' | 'failed'): Promise<void>;
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
  return {
    runId,
    record: (key) => byKey.get(key),
    save: async (key, patch) => {
      if (runId === null) return;
      await saveStep(deps, runId, key, patch);
      const before = byKey.get(key);
      if (before !== undefined) byKey.set(key, { ...before, ...patch });
    },
    ended: async (key, collection, status) => {
      if (status === 'done') done += 1;
      if (runId !== null) await saveProgress(deps, runId, done, total);
      deps.onProgress?.({ runId, done, total, phase: key.slice(0, key.indexOf(':')), collection, status });
    },
  };
}
