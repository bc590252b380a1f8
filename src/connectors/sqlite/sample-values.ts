import type Database from 'better-sqlite3';
import type { SampleValue } from '../introspection.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { querySqlite } from './connect.ts';

/** Up to `n` non-null values of `table.column`, cast to text by SQLite. */
export async function sampleSqliteValues(
  db: Database.Database,
  table: string,
  column: string,
  n: number,
  signal: AbortSignal,
): Promise<readonly SampleValue[]> {
  const col = quoteIdentifier('sqlite', column);
  const rows = querySqlite<{ v: string }>(
    db,
    `SELECT CAST(${col} AS TEXT) AS v FROM ${quoteIdentifier('sqlite', table)} WHERE ${col} IS NOT NULL LIMIT ?`,
    [n],
    signal,
  );
  return rows.map((row) => row.v);
}
