import { PrivetError } from '../domain/errors.ts';

/** The result of one item of a batch: its value, or the error that refuses it alone. */
export type BatchOutcome<O> =
  { readonly ok: true; readonly value: O } | { readonly ok: false; readonly error: unknown };

export interface GroupCommitOptions<I, O> {
  /** Commits one batch in one transaction and returns one outcome per item, in order; throwing fails the batch. */
  readonly commit: (items: readonly I[]) => Promise<readonly BatchOutcome<O>[]>;
  /** Most items per transaction. */
  readonly maxBatch?: number;
  /** How long a batch's first item waits for company; 0 waits only for the current event-loop turn. */
  readonly lingerMs?: number;
  /** Told about every batch after it committed or failed: for tests and metrics. */
  readonly onBatch?: (size: number, ok: boolean) => void;
}

/** Submits items to be committed together with whatever else arrives at the same time. */
export interface GroupCommit<I, O> {
  /** Resolves once the item's batch committed (it is durable), or rejects with its own or its batch's error. */
  submit(item: I, signal?: AbortSignal): Promise<O>;
  /** Refuses new items and resolves when every accepted one is settled. */
  close(): Promise<void>;
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new PrivetError('unavailable', 'The write was abandoned before it was committed', {
        cause: signal.reason,
      });
}

interface Pending<I, O> {
  readonly item: I;
  resolve(value: O): void;
  reject(error: unknown): void;
  detach(): void;
}

/**
 * Group commit: items submitted while a batch is being written (or within one turn of the event loop)
 * go into the next batch, so N concurrent writers cost about one transaction and one flush instead of N,
 * while each caller still waits for its own commit. One batch runs at a time, which also keeps the order
 * of a hash chain that every batch extends.
 */
export function createGroupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  const maxBatch = options.maxBatch ?? 500;
  const lingerMs = options.lingerMs ?? 0;
  const queue: Pending<I, O>[] = [];
  const drained: (() => void)[] = [];
  let running = false;
  let scheduled = false;
  let closed = false;

  const settleDrained = () => {
    if (running || scheduled || queue.length > 0) return;
    for (const resolve of drained.splice(0)) resolve();
  };

  const schedule = () => {
    if (running || scheduled || queue.length === 0) return;
    scheduled = true;
    const run = () => void flush();
    if (lingerMs > 0) setTimeout(run, lingerMs);
    else setImmediate(run);
  };

  async function flush(): Promise<void> {
    scheduled = false;
    const batch = queue.splice(0, maxBatch);
    if (batch.length === 0) return settleDrained();
    running = true;
    for (const pending of batch) pending.detach();
    try {
      const outcomes = await options.commit(batch.map((p) => p.item));
      options.onBatch?.(batch.length, true);
      batch.forEach((pending, i) => {
        const outcome = outcomes[i];
        if (outcome === undefined)
          pending.reject(new PrivetError('internal', 'The batch returned no outcome'));
        else if (outcome.ok) pending.resolve(outcome.value);
        else pending.reject(outcome.error);
      });
    } catch (error) {
      options.onBatch?.(batch.length, false);
      for (const pending of batch) pending.reject(error);
    } finally {
      running = false;
      schedule();
      settleDrained();
    }
  }

  return {
    submit: (item, signal) =>
      new Promise<O>((resolve, reject) => {
        if (closed) return reject(new PrivetError('unavailable', 'Shutting down: not accepting writes'));
        if (signal?.aborted) return reject(abortError(signal));
        // Aborting only helps while the item waits; once its batch is being written, it commits.
        const onAbort = () => {
          const index = queue.indexOf(pending);
          if (index >= 0) queue.splice(index, 1);
          if (signal) reject(abortError(signal));
        };
        const pending: Pending<I, O> = {
          item,
          resolve,
          reject,
          detach: () => signal?.removeEventListener('abort', onAbort),
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(pending);
        schedule();
      }),
    close: () => {
      closed = true;
      return new Promise<void>((resolve) => {
        drained.push(resolve);
        settleDrained();
      });
    },
  };
}
