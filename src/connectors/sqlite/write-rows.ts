import type Database from 'better-sqlite3';
import { chunked } from '../chunked.ts';
import { boundValues, type DataRow, type FieldMatch, type RowUpdate } from '../data-connection.ts';
import { distinctValues } from '../distinct-values.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { groupUpdates, rowsPerStatement } from '../group-updates.ts';
import {
  batchUpdateStatement,
  deleteStatement,
  MAX_BATCH_ROWS,
  MAX_BATCH_VALUES,
  MAX_BOUND_VALUES,
  updateMatchingStatement,
  updateStatement,
  type SqlStatement,
} from '../sql-statements.ts';

/** A value better-sqlite3 can bind: booleans as 0/1, dates as ISO text, JSON as text. */
export function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Updates rows set-based: one statement per group of rows with the same fields to set and at most
 * MAX_BATCH_ROWS rows (see `batchUpdateStatement`); the caller's transaction makes them one change.
 */
export async function updateSqliteRows(
  db: Database.Database,
  collection: string,
  updates: readonly RowUpdate[],
  signal: AbortSignal,
): Promise<number> {
  const table = quoteIdentifier('sqlite', collection);
  let changed = 0;
  const run = (statement: SqlStatement) => {
    signal.throwIfAborted();
    changed += db.prepare(statement.sql).run(...statement.values.map(sqliteValue)).changes;
  };
  for (const group of groupUpdates(updates)) {
    const { keyFields, setFields } = group;
    if (setFields.some((f) => keyFields.includes(f))) {
      for (const update of group.rows) run(updateStatement('sqlite', table, update.key, update.set));
      continue;
    }
    const perRow = keyFields.length * (setFields.length + 1) + setFields.length;
    const size = Math.min(MAX_BATCH_ROWS, rowsPerStatement(MAX_BATCH_VALUES, perRow));
    for (const slice of chunked(group.rows, size))
      run(batchUpdateStatement('sqlite', table, keyFields, setFields, slice));
  }
  return changed;
}

/** Deletes rows by key, many keys per statement. */
export async function deleteSqliteRows(
  db: Database.Database,
  collection: string,
  keys: readonly DataRow[],
  signal: AbortSignal,
): Promise<number> {
  const table = quoteIdentifier('sqlite', collection);
  const width = Math.max(1, Object.keys(keys[0] ?? {}).length);
  let deleted = 0;
  for (const slice of chunked(keys, Math.floor(MAX_BOUND_VALUES / width))) {
    signal.throwIfAborted();
    const statement = deleteStatement('sqlite', table, slice);
    deleted += db.prepare(statement.sql).run(...statement.values.map(sqliteValue)).changes;
  }
  return deleted;
}

/** Sets the same values on every row that matches, one statement per slice of the bound values. */
export async function updateSqliteMatching(
  db: Database.Database,
  collection: string,
  match: FieldMatch,
  set: DataRow,
  signal: AbortSignal,
): Promise<number> {
  const table = quoteIdentifier('sqlite', collection);
  let changed = 0;
  for (const values of chunked(distinctValues(boundValues(match)), MAX_BOUND_VALUES)) {
    signal.throwIfAborted();
    const statement = updateMatchingStatement('sqlite', table, set, match, values);
    changed += db.prepare(statement.sql).run(...statement.values.map(sqliteValue)).changes;
  }
  return changed;
}
