import { basename, extname } from 'node:path';
import type { SqliteConnection } from '../connection-url.ts';
import type { Introspector } from '../introspection.ts';
import { connectSqlite } from './connect.ts';
import { readSqliteSchema } from './read-schema.ts';
import { sampleSqliteValues } from './sample-values.ts';

/** Opens the file read-only and returns the SQLite introspector; the database is named after the file. */
export async function openSqliteIntrospector(
  target: SqliteConnection,
  signal: AbortSignal,
): Promise<Introspector> {
  const db = connectSqlite(target, signal);
  const database = basename(target.path, extname(target.path));
  return {
    engine: 'sqlite',
    readSchema: async (s) => readSqliteSchema(db, database, s),
    sampleValues: (table, column, n, s) => sampleSqliteValues(db, table, column, n, s),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
