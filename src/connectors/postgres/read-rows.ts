import type pg from 'pg';
import { chunked } from '../chunked.ts';
import { boundValues, type DataRow, type RowQuery } from '../data-connection.ts';
import { distinctValues } from '../distinct-values.ts';
import { countStatement, MAX_ARRAY_VALUES, selectStatement, type SqlStatement } from '../sql-statements.ts';
import type { ColumnTypes } from './batch-update.ts';
import { queryPostgres } from './connect.ts';

/** The client and what the data connection tracks about it. */
export interface PostgresSession {
  readonly client: pg.Client;
  /** `"schema"."table"` for a collection name. */
  table(name: string): string;
  /** True inside `transaction()`: cursors then live in that transaction. */
  inTransaction: boolean;
  cursors: number;
  /** Column types by table, read once per connection for set-based updates. */
  readonly columnTypes: Map<string, ColumnTypes>;
}

// Rows per FETCH: few round trips for big results, a bounded buffer (a few MB) for wide rows.
const FETCH_SIZE = 5000;

// Matches on at most this many values (one person's identities, their few keys upstream) are read by one
// limited statement first: they mostly find few rows. Longer lists go to a cursor at once, except identities
// compared after a transform (emails, phone numbers), which find about a row each: up to a fetch's worth.
const PROBE_MAX_VALUES = 100;

// PostgreSQL text cannot hold NUL, so a value with one matches no row; sent, it would fail the statement.
export function storableValues(values: readonly unknown[]): unknown[] {
  return distinctValues(values).filter((v) => typeof v !== 'string' || !v.includes('\u0000'));
}

// A server-side cursor: rows arrive FETCH_SIZE at a time, so memory stays flat however many rows match. It
// yields whole fetches: one async step per fetch rather than per row.
async function* cursorBatches(
  session: PostgresSession,
  statement: SqlStatement,
  signal: AbortSignal,
): AsyncGenerator<DataRow[]> {
  const { client } = session;
  const owned = !session.inTransaction;
  const cursor = `privet_cursor_${(session.cursors += 1)}`;
  if (owned) await queryPostgres(client, 'BEGIN', [], signal);
  let failed = false;
  try {
    await queryPostgres(
      client,
      `DECLARE ${cursor} NO SCROLL CURSOR FOR ${statement.sql}`,
      statement.values,
      signal,
    );
    for (;;) {
      const rows = await queryPostgres<DataRow>(client, `FETCH ${FETCH_SIZE} FROM ${cursor}`, [], signal);
      yield rows;
      if (rows.length < FETCH_SIZE) break;
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (!signal.aborted) {
      if (owned) await client.query(failed ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
      else if (!failed) await client.query(`CLOSE ${cursor}`).catch(() => undefined);
    }
  }
}

/** Streams the rows matching the query, one bounded slice of values (an array parameter) and one cursor at a time. */
export async function* readPostgresRows(
  session: PostgresSession,
  query: RowQuery,
  signal: AbortSignal,
): AsyncGenerator<DataRow> {
  const table = session.table(query.collection);
  for (const values of chunked(storableValues(boundValues(query.match)), MAX_ARRAY_VALUES)) {
    const statement = selectStatement('postgres', table, query.match, values, query.fields, (n) =>
      session.table(n),
    );
    const identities = (query.match.transform ?? 'none') !== 'none' && query.match.within === undefined;
    if (values.length <= (identities ? FETCH_SIZE : PROBE_MAX_VALUES)) {
      // One plain statement, limited to one fetch's worth: a subject's few rows come in one round trip
      // (a cursor takes four). More rows than that are dropped unread and streamed through a cursor.
      const rows = await queryPostgres<DataRow>(
        session.client,
        `${statement.sql} LIMIT ${FETCH_SIZE + 1}`,
        statement.values,
        signal,
      );
      if (rows.length <= FETCH_SIZE) {
        yield* rows;
        continue;
      }
    }
    for await (const batch of cursorBatches(session, statement, signal)) for (const row of batch) yield row;
  }
}

/** Counts the rows matching the query. */
export async function countPostgresRows(
  session: PostgresSession,
  query: RowQuery,
  signal: AbortSignal,
): Promise<number> {
  let total = 0;
  const table = session.table(query.collection);
  for (const values of chunked(storableValues(boundValues(query.match)), MAX_ARRAY_VALUES)) {
    const statement = countStatement('postgres', table, query.match, values, (n) => session.table(n));
    const rows = await queryPostgres<{ n: string }>(session.client, statement.sql, statement.values, signal);
    total += Number(rows[0]?.n ?? 0);
  }
  return total;
}
