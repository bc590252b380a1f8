/** A sleep that ends early when woken (a job was enqueued or a slot freed) or when the signal aborts. */
export interface WakeTimer {
  /** Resolves after `ms`, on `wake()`, or on abort; never rejects. A wake with nobody waiting ends the next wait at once. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  wake(): void;
}

/** Creates a wake timer. */
export function createWakeTimer(): WakeTimer {
  let pending = false;
  const waiters = new Set<() => void>();
  return {
    wait: (ms, signal) => {
      if (pending || signal.aborted) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        waiters.add(done);
      });
    },
    wake: () => {
      if (waiters.size === 0) pending = true;
      for (const done of [...waiters]) done();
    },
  };
}
