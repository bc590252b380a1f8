import type { Readable } from 'node:stream';
import type { Connection as CoreConnection } from 'mysql2';
import type mysql from 'mysql2/promise';
import { abortable } from '../abortable.ts';
import { chunked } from '../chunked.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { boundValues, type DataRow, type RowQuery } from '../data-connection.ts';
import { distinctValues } from '../distinct-values.ts';
import { countStatement, MAX_BOUND_VALUES, selectStatement } from '../sql-statements.ts';
import { mysqlValue } from './write-rows.ts';

// Rows arrive through the driver's stream, which pauses the socket when we stop reading: memory stays flat.
async function* streamRows(
  connection: mysql.Connection,
  sql: string,
  values: readonly unknown[],
  signal: AbortSignal,
): AsyncGenerator<DataRow> {
  signal.throwIfAborted();
  // The promise wrapper keeps the callback connection, whose queries can stream; its typings omit it.
  const core = (connection as unknown as { connection: CoreConnection }).connection;
  const stream: Readable = core.execute(sql, values.map(mysqlValue)).stream();
  const onAbort = () => {
    connection.destroy();
    stream.destroy(signal.reason as Error);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  let finished = false;
  try {
    for await (const row of stream) yield row as DataRow;
    finished = true;
  } finally {
    signal.removeEventListener('abort', onAbort);
    // Stopped early: the rest of the result must still be read off the wire before the next statement.
    if (!finished && !signal.aborted && !stream.destroyed) {
      stream.resume();
      await new Promise<void>((resolve) => {
        stream.once('end', resolve);
        stream.once('error', () => resolve());
        stream.once('close', resolve);
      });
    }
  }
}

/** Streams the rows matching the query, one bounded slice of values at a time. */
export async function* readMysqlRows(
  connection: mysql.Connection,
  query: RowQuery,
  signal: AbortSignal,
): AsyncGenerator<DataRow> {
  for (const values of chunked(distinctValues(boundValues(query.match)), MAX_BOUND_VALUES)) {
    const statement = selectStatement(
      'mysql',
      quoteIdentifier('mysql', query.collection),
      query.match,
      values,
      query.fields,
    );
    yield* streamRows(connection, statement.sql, statement.values, signal);
  }
}

/** Counts the rows matching the query. */
export async function countMysqlRows(
  connection: mysql.Connection,
  query: RowQuery,
  signal: AbortSignal,
): Promise<number> {
  let total = 0;
  for (const values of chunked(distinctValues(boundValues(query.match)), MAX_BOUND_VALUES)) {
    const statement = countStatement(
      'mysql',
      quoteIdentifier('mysql', query.collection),
      query.match,
      values,
    );
    const [rows] = await abortable(
      connection.execute<mysql.RowDataPacket[]>(statement.sql, statement.values.map(mysqlValue)),
      signal,
      () => connection.destroy(),
    );
    total += Number((rows[0] as { n?: unknown } | undefined)?.n ?? 0);
  }
  return total;
}
