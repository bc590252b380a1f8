import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Most prepared statements kept per connection; the least recently used one goes first. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * The connection as Kysely sees it, with its prepared statements kept by SQL text: Kysely prepares every query
 * anew, and preparing costs more than running a small insert (a long multi-row insert costs far more). A
 * statement still being iterated (a stream) is not handed out again: that query gets a fresh one.
 */
export function withStatementCache(raw: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare: (text) => {
      const cached = statements.get(text);
      if (cached !== undefined && !cached.busy) {
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = raw.prepare(text);
      if (cached === undefined) {
        statements.set(text, statement);
        if (statements.size > size) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
  };
}
