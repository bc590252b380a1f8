import type { SqliteConnection } from '../connection-url.ts';
import type { ServerInfo } from '../introspection.ts';
import { connectSqlite, querySqlite } from './connect.ts';

/** Opens the file, reads the library version and a schema row (so a non-database file fails), closes it. */
export async function pingSqlite(target: SqliteConnection, signal: AbortSignal): Promise<ServerInfo> {
  const db = connectSqlite(target, signal);
  try {
    querySqlite(db, 'SELECT count(*) FROM sqlite_schema', [], signal);
    const rows = querySqlite<{ version: string }>(db, 'SELECT sqlite_version() AS version', [], signal);
    return { engine: 'sqlite', version: rows[0]?.version ?? 'unknown' };
  } finally {
    db.close();
  }
}
