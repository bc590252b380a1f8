import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import type { Store } from './store.ts';

/**
 * Opens (creating if needed) a SQLite store in WAL mode with foreign keys enforced. `synchronous = FULL` syncs
 * the log at every commit, so what Privet acknowledged (a consent, a request, an audit entry) survives a power
 * loss, not only a killed process; group commit pays that sync once per batch.
 */
export function openSqliteStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });

  return {
    dialect: 'sqlite',
    db,
    // BEGIN IMMEDIATE takes the write lock up front, so a read-then-write never fails on a stale snapshot
    // when another process (a CLI command, a second worker) writes the same file.
    transaction: (fn) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    // Synchronous on the one connection, so inside a transaction it joins that transaction.
    execScript: async (script) => {
      raw.exec(script);
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
