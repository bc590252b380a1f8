import type { PostgresConnection } from '../connection-url.ts';
import type { DataConnection, DataConnectionOptions, DataOperations } from '../data-connection.ts';
import { quoteIdentifier } from '../quote-identifier.ts';
import { connectPostgres, queryPostgres } from './connect.ts';
import { countPostgresRows, readPostgresRows, type PostgresSession } from './read-rows.ts';
import { readPostgresSchema } from './read-schema.ts';
import { postgresSchemaVersion } from './schema-version.ts';
import { deletePostgresRows, updatePostgresMatching, updatePostgresRows } from './write-rows.ts';

// date, timestamp, timestamptz, time, timetz, interval: kept as the server's text, so that a key read from a
// row matches it exactly when written back (a JS Date would drop microseconds and shift by time zone).
const TEXT_TYPES = [1082, 1114, 1184, 1083, 1266, 1186];

/** Connects and returns the PostgreSQL data connection for the URL's schema. */
export async function openPostgresDataConnection(
  target: PostgresConnection,
  options: DataConnectionOptions,
  signal: AbortSignal,
): Promise<DataConnection> {
  // Plans and access: the server refuses writes (default_transaction_read_only, sent at connect).
  const client = await connectPostgres(target, signal, { readOnly: options.readOnly });
  for (const oid of TEXT_TYPES) client.setTypeParser(oid, 'text', (value: string) => value);
  const schema = quoteIdentifier('postgres', target.schema);
  const session: PostgresSession = {
    client,
    table: (name) => `${schema}.${quoteIdentifier('postgres', name)}`,
    inTransaction: false,
    cursors: 0,
    columnTypes: new Map(),
  };
  const operations: DataOperations = {
    readRows: (query, s) => readPostgresRows(session, query, s),
    countRows: (query, s) => countPostgresRows(session, query, s),
    updateRows: (collection, updates, s) => updatePostgresRows(session, collection, updates, s),
    deleteRows: (collection, keys, s) => deletePostgresRows(session, collection, keys, s),
    updateMatching: (collection, match, set, s) => updatePostgresMatching(session, collection, match, set, s),
  };
  let closed = false;
  return {
    engine: 'postgres',
    transactional: true,
    ...operations,
    transaction: async (work, s) => {
      if (session.inTransaction) return work(operations);
      await queryPostgres(client, 'BEGIN', [], s);
      session.inTransaction = true;
      try {
        const result = await work(operations);
        await queryPostgres(client, 'COMMIT', [], s);
        return result;
      } catch (error) {
        if (!s.aborted) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        session.inTransaction = false;
      }
    },
    readSchema: (s) => readPostgresSchema(client, target.database, target.schema, s),
    schemaVersion: (s) => postgresSchemaVersion(client, s),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end().catch(() => undefined);
    },
  };
}
