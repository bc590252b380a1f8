import { createDecider, type Decider, type DeciderDeps } from './create-decider.ts';

/** The purpose decider of one process, shared by the decision routes and campaign sends. */
export interface SharedDecider {
  /**
   * The decider, caught up with every change committed before the call. Its index loads on first use (seconds
   * for 100k people), so a process that never decides never holds it, and later callers pay one indexed read.
   */
  fresh(signal?: AbortSignal): Promise<Decider>;
  close(): void;
}

export function createSharedDecider(deps: DeciderDeps): SharedDecider {
  const decider = createDecider(deps);
  let started: Promise<void> | undefined;
  return {
    fresh: async (signal) => {
      // A failed first load is not remembered: the next caller tries again.
      started ??= decider.start(signal).catch((error: unknown) => {
        started = undefined;
        throw error;
      });
      await started;
      await decider.refresh(signal);
      return decider;
    },
    close: () => decider.close(),
  };
}
