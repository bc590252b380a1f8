import { isPostgresUrl } from '../config/load-config.ts';
import { openPostgresStore } from './open-postgres-store.ts';
import { openSqliteStore } from './open-sqlite-store.ts';
import type { Store } from './store.ts';

/** Opens the store named by a database URL: `postgres://…` or a SQLite file path. */
export function openStore(databaseUrl: string): Store {
  return isPostgresUrl(databaseUrl) ? openPostgresStore(databaseUrl) : openSqliteStore(databaseUrl);
}
