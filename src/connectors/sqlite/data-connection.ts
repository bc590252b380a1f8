import { basename, extname } from 'node:path';
import Database from 'better-sqlite3';
import type { SqliteConnection } from '../connection-url.ts';
import type { DataConnection, DataConnectionOptions, DataOperations } from '../data-connection.ts';
import { transformValue } from '../transform-value.ts';
import { countSqliteRows, readSqliteRows } from './read-rows.ts';
import { readSqliteSchema } from './read-schema.ts';
import { deleteSqliteRows, updateSqliteMatching, updateSqliteRows } from './write-rows.ts';

/** Opens the SQLite file (it must exist) and returns its data connection. */
export async function openSqliteDataConnection(
  target: SqliteConnection,
  options: DataConnectionOptions,
  signal: AbortSignal,
): Promise<DataConnection> {
  signal.throwIfAborted();
  const db = new Database(target.path, { readonly: options.readOnly, fileMustExist: true, timeout: 5_000 });
  // Off by default in SQLite: with it on, a delete that would leave a row pointing nowhere fails as elsewhere.
  db.pragma('foreign_keys = ON');
  // SQLite's lower() folds ASCII only; the same JavaScript as the request side keeps both sides equal.
  db.function('privet_lower_trim', { deterministic: true }, (value: unknown) =>
    transformValue('lower_trim', value),
  );
  db.function('privet_phone_digits', { deterministic: true }, (value: unknown) =>
    transformValue('phone_digits', value),
  );
  const operations: DataOperations = {
    readRows: (query, s) => readSqliteRows(db, query, s),
    countRows: (query, s) => countSqliteRows(db, query, s),
    updateRows: (collection, updates, s) => updateSqliteRows(db, collection, updates, s),
    deleteRows: (collection, keys, s) => deleteSqliteRows(db, collection, keys, s),
    updateMatching: (collection, match, set, s) => updateSqliteMatching(db, collection, match, set, s),
  };
  return {
    engine: 'sqlite',
    transactional: true,
    ...operations,
    transaction: async (work, s) => {
      if (db.inTransaction) return work(operations);
      s.throwIfAborted();
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(operations);
        db.exec('COMMIT');
        return result;
      } catch (error) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    // Named after the file, as the introspector names it.
    readSchema: async (s) => readSqliteSchema(db, basename(target.path, extname(target.path)), s),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
