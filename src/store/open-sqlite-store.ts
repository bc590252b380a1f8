import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema.ts';
import { withStatementCache } from './statement-cache.ts';
import { WalFlusher } from './wal-flusher.ts';
import type { Store } from './store.ts';

/**
 * Opens (creating if needed) a SQLite store in WAL mode with foreign keys enforced. What Privet acknowledged (a
 * consent, a request, an audit entry) survives a power loss, not only a killed process:
 * - statements and transactions run at `synchronous = FULL`, which syncs the log at every commit;
 * - a transaction with `syncOffLoop` commits at `synchronous = NORMAL` (its frames reach the log file, which
 *   survives a killed process) and resolves only after the log file is synced on libuv's thread pool
 *   (`WalFlusher`): the same guarantee for whoever awaits it, while the event loop keeps serving during the
 *   fsync (better-sqlite3 is synchronous, and FULL holds the whole process for every commit's flush). Others
 *   may read such a commit just before it is durable. Checkpoints still sync the log before copying it and the
 *   database after (NORMAL does that), so frames are never dropped unsynced. Consent group commit uses it: one
 *   sync per batch, and batches committed during a sync share the next one.
 */
export function openSqliteStore(path: string): Store {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const raw = new SQLite(path);
  const journal = raw.pragma('journal_mode = WAL', { simple: true });
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('synchronous = FULL');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  // Only a log file can be synced apart from its commit; in memory there is nothing to sync. The path is made
  // absolute now, as SQLite resolved it, so a later change of working directory cannot send the sync elsewhere.
  const flusher = !inMemory && journal === 'wal' ? new WalFlusher(`${resolve(path)}-wal`) : undefined;
  const level = (name: 'NORMAL' | 'FULL') => sql.raw(`pragma synchronous = ${name}`);

  return {
    dialect: 'sqlite',
    db,
    // BEGIN IMMEDIATE takes the write lock up front, so a read-then-write never fails on a stale snapshot
    // when another process (a CLI command, a second worker) writes the same file.
    transaction: async (fn, options) => {
      const offLoop = options?.syncOffLoop === true ? flusher : undefined;
      const result = await db.connection().execute(async (conn) => {
        // SQLite refuses to change the level inside a transaction, hence around it.
        if (offLoop !== undefined) await level('NORMAL').execute(conn);
        try {
          await sql`begin immediate`.execute(conn);
          try {
            const value = await fn(conn);
            await sql`commit`.execute(conn);
            return value;
          } catch (error) {
            await sql`rollback`.execute(conn);
            throw error;
          }
        } finally {
          if (offLoop !== undefined) await level('FULL').execute(conn);
        }
      });
      await offLoop?.request();
      return result;
    },
    // Synchronous on the one connection, so inside a transaction it joins that transaction.
    execScript: async (script) => {
      raw.exec(script);
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await flusher?.close();
      await db.destroy();
    },
  };
}
