import type mysql from 'mysql2/promise';
import { abortable } from '../abortable.ts';
import { chunked } from '../chunked.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { boundValues, type DataRow, type FieldMatch, type RowUpdate } from '../data-connection.ts';
import { distinctValues } from '../distinct-values.ts';
import { groupUpdates, rowsPerStatement } from '../group-updates.ts';
import {
  batchUpdateStatement,
  deleteStatement,
  MAX_BATCH_ROWS,
  MAX_BATCH_VALUES,
  MAX_BOUND_VALUES,
  updateMatchingStatement,
  updateStatement,
} from '../sql-statements.ts';

/** A value as the mysql2 binary protocol binds it: JSON as text, bigints as digits, undefined as NULL. */
export function mysqlValue(value: unknown): mysql.ExecuteValues {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  return JSON.stringify(value);
}

async function changedRows(
  connection: mysql.Connection,
  sql: string,
  values: readonly unknown[],
  signal: AbortSignal,
): Promise<number> {
  const [result] = await abortable(
    connection.execute<mysql.ResultSetHeader>(sql, values.map(mysqlValue)),
    signal,
    () => connection.destroy(),
  );
  return result.affectedRows;
}

/**
 * Updates rows set-based: one statement per group of rows with the same fields to set and at most
 * MAX_BATCH_ROWS rows (see `batchUpdateStatement`); the caller's transaction makes them one change.
 */
export async function updateMysqlRows(
  connection: mysql.Connection,
  collection: string,
  updates: readonly RowUpdate[],
  signal: AbortSignal,
): Promise<number> {
  let changed = 0;
  const table = quoteIdentifier('mysql', collection);
  for (const group of groupUpdates(updates)) {
    const { keyFields, setFields } = group;
    if (setFields.some((f) => keyFields.includes(f))) {
      for (const update of group.rows) {
        const statement = updateStatement('mysql', table, update.key, update.set);
        changed += await changedRows(connection, statement.sql, statement.values, signal);
      }
      continue;
    }
    const perRow = keyFields.length * (setFields.length + 1) + setFields.length;
    const size = Math.min(MAX_BATCH_ROWS, rowsPerStatement(MAX_BATCH_VALUES, perRow));
    for (const slice of chunked(group.rows, size)) {
      const statement = batchUpdateStatement('mysql', table, keyFields, setFields, slice);
      changed += await changedRows(connection, statement.sql, statement.values, signal);
    }
  }
  return changed;
}

/** Deletes rows by key, many keys per statement. */
export async function deleteMysqlRows(
  connection: mysql.Connection,
  collection: string,
  keys: readonly DataRow[],
  signal: AbortSignal,
): Promise<number> {
  let deleted = 0;
  const width = Math.max(1, Object.keys(keys[0] ?? {}).length);
  for (const slice of chunked(keys, Math.floor(MAX_BOUND_VALUES / width))) {
    const statement = deleteStatement('mysql', quoteIdentifier('mysql', collection), slice);
    deleted += await changedRows(connection, statement.sql, statement.values, signal);
  }
  return deleted;
}

/** Sets the same values on every row that matches, one statement per slice of the bound values. */
export async function updateMysqlMatching(
  connection: mysql.Connection,
  collection: string,
  match: FieldMatch,
  set: DataRow,
  signal: AbortSignal,
): Promise<number> {
  const table = quoteIdentifier('mysql', collection);
  let changed = 0;
  for (const values of chunked(distinctValues(boundValues(match)), MAX_BOUND_VALUES)) {
    const statement = updateMatchingStatement('mysql', table, set, match, values);
    changed += await changedRows(connection, statement.sql, statement.values, signal);
  }
  return changed;
}
