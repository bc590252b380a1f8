import { isTransientError } from './is-transient-error.ts';

/** How often and after how long a transient failure is tried again. */
export interface RetryPolicy {
  /** Waits before each further try; its length is the number of retries. */
  readonly delaysMs: readonly number[];
}

/** Three tries in about a second and a half: enough for a failover or a deadlock, short for a dead server. */
export const defaultRetryPolicy: RetryPolicy = { delaysMs: [250, 1_000] };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export const delay = sleep;

/**
 * Runs `work`, trying again after the policy's delays while it fails transiently; `beforeRetry` runs first
 * (to drop a broken connection). Returns the result and the number of tries.
 */
export async function withRetry<T>(
  work: () => Promise<T>,
  policy: RetryPolicy,
  signal: AbortSignal,
  beforeRetry: () => Promise<void> = async () => undefined,
): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await work(), attempts: attempt };
    } catch (error) {
      const wait = policy.delaysMs[attempt - 1];
      if (signal.aborted || wait === undefined || !isTransientError(error)) throw error;
      await beforeRetry();
      await sleep(wait, signal);
    }
  }
}
