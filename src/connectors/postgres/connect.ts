import pg from 'pg';
import { abortable } from '../abortable.ts';
import type { PostgresConnection } from '../connection-url.ts';

/**
 * Opens a pg client to the target; the caller ends it in a `finally`. `readOnly`: every transaction of the
 * session is read-only, set in the startup packet (as `statement_timeout` is) rather than by a round trip.
 */
export async function connectPostgres(
  target: PostgresConnection,
  signal: AbortSignal,
  options: { readonly readOnly?: boolean } = {},
): Promise<pg.Client> {
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    ...(target.password === undefined ? {} : { password: target.password }),
    ssl: target.tls ? {} : false,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 60_000,
    application_name: 'privet',
    ...(options.readOnly === true ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // A server-side disconnect after an abort must not become an unhandled 'error' event.
  client.on('error', () => undefined);
  await abortable(client.connect(), signal, () => void client.end().catch(() => undefined));
  return client;
}

/** Runs one query, ending the client if the signal aborts first. */
export async function queryPostgres<Row extends pg.QueryResultRow>(
  client: pg.Client,
  sql: string,
  values: readonly unknown[],
  signal: AbortSignal,
): Promise<Row[]> {
  const result = await abortable(client.query<Row>(sql, [...values]), signal, () => {
    void client.end().catch(() => undefined);
  });
  return result.rows;
}
