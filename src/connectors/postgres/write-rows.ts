import { chunked } from '../chunked.ts';
import { boundValues, type DataRow, type FieldMatch, type RowUpdate } from '../data-connection.ts';
import { groupUpdates } from '../group-updates.ts';
import {
  deleteStatement,
  MAX_ARRAY_VALUES,
  MAX_BOUND_VALUES,
  updateMatchingStatement,
} from '../sql-statements.ts';
import { POSTGRES_BATCH_ROWS, postgresBatchUpdate, postgresText, readColumnTypes } from './batch-update.ts';
import type pg from 'pg';
import { abortable } from '../abortable.ts';
import { storableValues, type PostgresSession } from './read-rows.ts';

// Like queryPostgres, but the number of rows the statement changed.
async function changedRows(
  client: pg.Client,
  sql: string,
  values: readonly unknown[],
  signal: AbortSignal,
): Promise<number> {
  const result = await abortable(client.query(sql, [...values]), signal, () => {
    void client.end().catch(() => undefined);
  });
  return result.rowCount ?? 0;
}

/**
 * Updates rows set-based: one `UPDATE … FROM unnest(…)` per group of rows with the same fields to set, at
 * most POSTGRES_BATCH_ROWS rows each; the caller's transaction makes them one change.
 */
export async function updatePostgresRows(
  session: PostgresSession,
  collection: string,
  updates: readonly RowUpdate[],
  signal: AbortSignal,
): Promise<number> {
  let changed = 0;
  const table = session.table(collection);
  const groups = groupUpdates(updates);
  if (groups.length === 0) return 0;
  let types = session.columnTypes.get(table);
  if (types === undefined) {
    types = await readColumnTypes(session.client, table, signal);
    session.columnTypes.set(table, types);
  }
  for (const group of groups)
    for (const slice of chunked(group.rows, POSTGRES_BATCH_ROWS)) {
      const statement = postgresBatchUpdate(table, types, group.keyFields, group.setFields, slice);
      changed += await changedRows(session.client, statement.sql, statement.values, signal);
    }
  return changed;
}

/** Deletes rows by key, many keys per statement. */
export async function deletePostgresRows(
  session: PostgresSession,
  collection: string,
  keys: readonly DataRow[],
  signal: AbortSignal,
): Promise<number> {
  let deleted = 0;
  const width = Math.max(1, Object.keys(keys[0] ?? {}).length);
  const table = session.table(collection);
  for (const slice of chunked(keys, Math.floor(MAX_BOUND_VALUES / width))) {
    const statement = deleteStatement('postgres', table, slice);
    deleted += await changedRows(session.client, statement.sql, statement.values, signal);
  }
  return deleted;
}

/**
 * Sets the same values on every row that matches: `UPDATE … SET f = $1 … WHERE <match>`, one statement per
 * slice of the bound values (one array parameter), each value as text typed by its column.
 */
export async function updatePostgresMatching(
  session: PostgresSession,
  collection: string,
  match: FieldMatch,
  set: DataRow,
  signal: AbortSignal,
): Promise<number> {
  const table = session.table(collection);
  const text = Object.fromEntries(Object.entries(set).map(([f, v]) => [f, postgresText(v)]));
  let changed = 0;
  for (const values of chunked(storableValues(boundValues(match)), MAX_ARRAY_VALUES)) {
    const statement = updateMatchingStatement('postgres', table, text, match, values, (n) =>
      session.table(n),
    );
    changed += await changedRows(session.client, statement.sql, statement.values, signal);
  }
  return changed;
}
