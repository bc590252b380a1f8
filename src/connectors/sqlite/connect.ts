import Database from 'better-sqlite3';
import type { SqliteConnection } from '../connection-url.ts';

/** Opens the SQLite file read-only (it must exist); the caller closes it in a `finally`. */
export function connectSqlite(target: SqliteConnection, signal: AbortSignal): Database.Database {
  signal.throwIfAborted();
  const db = new Database(target.path, { readonly: true, fileMustExist: true, timeout: 5_000 });
  return db;
}

/** Runs one parameterised query; SQLite is synchronous, so the signal is checked before it starts. */
export function querySqlite<Row>(
  db: Database.Database,
  sql: string,
  values: readonly unknown[],
  signal: AbortSignal,
): Row[] {
  signal.throwIfAborted();
  return db.prepare(sql).all(...values) as Row[];
}
