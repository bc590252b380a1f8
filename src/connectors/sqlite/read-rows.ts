import type Database from 'better-sqlite3';
import { chunked } from '../chunked.ts';
import { boundValues, type DataRow, type RowQuery } from '../data-connection.ts';
import { distinctValues } from '../distinct-values.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { countStatement, MAX_BOUND_VALUES, selectStatement } from '../sql-statements.ts';
import { sqliteValue } from './write-rows.ts';

// SQLite is synchronous: between rows the signal is checked, and the iterator is returned on the way out.
const CHECK_EVERY = 256;

/** Streams the rows matching the query with a statement iterator, one bounded slice of values at a time. */
export async function* readSqliteRows(
  db: Database.Database,
  query: RowQuery,
  signal: AbortSignal,
): AsyncGenerator<DataRow> {
  const table = quoteIdentifier('sqlite', query.collection);
  for (const values of chunked(distinctValues(boundValues(query.match)), MAX_BOUND_VALUES)) {
    signal.throwIfAborted();
    const statement = selectStatement('sqlite', table, query.match, values, query.fields);
    const rows = db.prepare(statement.sql).iterate(...statement.values.map(sqliteValue));
    let seen = 0;
    try {
      for (const row of rows) {
        if (++seen % CHECK_EVERY === 0) signal.throwIfAborted();
        yield row as DataRow;
      }
    } finally {
      rows.return?.();
    }
  }
}

/** Counts the rows matching the query. */
export async function countSqliteRows(
  db: Database.Database,
  query: RowQuery,
  signal: AbortSignal,
): Promise<number> {
  const table = quoteIdentifier('sqlite', query.collection);
  let total = 0;
  for (const values of chunked(distinctValues(boundValues(query.match)), MAX_BOUND_VALUES)) {
    signal.throwIfAborted();
    const statement = countStatement('sqlite', table, query.match, values);
    const row = db.prepare(statement.sql).get(...statement.values.map(sqliteValue)) as { n: number };
    total += row.n;
  }
  return total;
}
