import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export const dialects = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof dialects)[number];

export interface TransactionOptions {
  /** Serialises every transaction that names the same lock, across processes (hash chains, counters). */
  readonly lock?: string;
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
