import { close, fsync, open } from 'node:fs';

/**
 * Syncs a SQLite write-ahead log file on libuv's thread pool, off the event loop, coalescing requests: one
 * sync runs at a time, and every commit made while it runs shares the single next one (which starts after it,
 * so it covers them). Many small transactions committing during a slow flush cost two fsyncs, not one each.
 */
export class WalFlusher {
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;
  #fd: number | undefined;
  private readonly sync: (path: string) => Promise<void>;

  /** `sync` makes the file durable; tests pass their own to watch the coalescing. */
  constructor(
    readonly path: string,
    sync?: (path: string) => Promise<void>,
  ) {
    this.sync = sync ?? ((file) => this.#syncKeptOpen(file));
  }

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

  /** Lets the syncs under way finish, then closes the log file (the store closes its connection next). */
  async close(): Promise<void> {
    await this.#next?.catch(() => undefined);
    await this.#running?.catch(() => undefined);
    const fd = this.#fd;
    this.#fd = undefined;
    if (fd !== undefined) await new Promise<void>((resolve) => close(fd, () => resolve()));
  }

  #start(): Promise<void> {
    const running: Promise<void> = this.sync(this.path).finally(() => {
      if (this.#running === running) this.#running = undefined;
    });
    this.#running = running;
    return running;
  }

  // The log stays open from the first sync to `close`: SQLite keeps one -wal file for as long as a connection
  // has the database open (a checkpoint rewinds it, never replaces it), and the store holds its connection
  // until it closes this flusher. A sync is then one trip to the thread pool instead of three (open, fsync,
  // close), which the event loop pays for on every batch. A failed sync closes the file, so the next reopens.
  #syncKeptOpen(path: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const sync = (fd: number) =>
        fsync(fd, (error) => {
          if (error === null) return resolve();
          if (this.#fd === fd) this.#fd = undefined;
          close(fd, () => reject(error));
        });
      if (this.#fd !== undefined) return sync(this.#fd);
      open(path, 'r', (error, fd) => {
        if (error !== null) return reject(error);
        this.#fd = fd;
        sync(fd);
      });
    });
  }
}
