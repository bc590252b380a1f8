import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const dialects = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof dialects)[number];

export interface TransactionOptions {
  /** Serialises every transaction that names the same lock, across processes (hash chains, counters). */
  readonly lock?: string;
  /**
   * SQLite: commit without syncing on the event loop, and resolve once the log is synced on the thread pool.
   * Just as durable for the caller, but others may read the commit a moment before it is durable (and before
   * this promise resolves): for write paths that answer only their own callers, like consent group commit.
   * PostgreSQL ignores it (its commit never blocks the event loop).
   */
  readonly syncOffLoop?: boolean;
}

/** The persistence port: one Kysely handle whose queries run unchanged on SQLite and PostgreSQL. */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Database>;
  /** Runs `fn` in one write transaction; rolled back when it throws. */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Runs a multi-statement SQL script (migrations). */
  execScript(script: string): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}
