import { chunked } from '../chunked.ts';
import type { DataRow, RowUpdate } from '../data-connection.ts';
import { deleteStatement, MAX_BOUND_VALUES, updateStatement } from '../sql-statements.ts';
import type pg from 'pg';
import { abortable } from '../abortable.ts';
import type { PostgresSession } from './read-rows.ts';

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

/** Updates rows one statement per key; the caller's transaction makes them one change. */
export async function updatePostgresRows(
  session: PostgresSession,
  collection: string,
  updates: readonly RowUpdate[],
  signal: AbortSignal,
): Promise<number> {
  let changed = 0;
  const table = session.table(collection);
  for (const update of updates) {
    if (Object.keys(update.set).length === 0) continue;
    const statement = updateStatement('postgres', table, update.key, update.set);
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
