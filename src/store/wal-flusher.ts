import { open } from 'node:fs/promises';

/**
 * Syncs a SQLite write-ahead log file on libuv's thread pool, off the event loop, coalescing requests: one
 * sync runs at a time, and every commit made while it runs shares the single next one (which starts after it,
 * so it covers them). Many small transactions committing during a slow flush cost two fsyncs, not one each.
 */
export class WalFlusher {
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;

  /** `sync` makes the file durable; tests pass their own to watch the coalescing. */
  constructor(
    readonly path: string,
    private readonly sync: (path: string) => Promise<void> = syncFile,
  ) {}

  /** Resolves once everything committed to the log before this call is on disk. */
  request(): Promise<void> {
    if (this.#next !== undefined) return this.#next;
    if (this.#running === undefined) return this.#start();
    const next = this.#running
      .catch(() => undefined)
      .then(() => {
        this.#next = undefined;
        return this.#start();
      });
    this.#next = next;
    return next;
  }

  #start(): Promise<void> {
    const running: Promise<void> = this.sync(this.path).finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }
}

// Opened per sync: after a checkpoint the log may be a new file, and the frames just written are in the
// current one (the old one's were synced into the database by the checkpoint).
async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}
