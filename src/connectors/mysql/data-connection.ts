import { abortable } from '../abortable.ts';
import type { MysqlConnection } from '../connection-url.ts';
import type { DataConnection, DataConnectionOptions, DataOperations } from '../data-connection.ts';
import { connectMysql } from './connect.ts';
import { countMysqlRows, readMysqlRows } from './read-rows.ts';
import { readMysqlSchema } from './read-schema.ts';
import { deleteMysqlRows, updateMysqlMatching, updateMysqlRows } from './write-rows.ts';

/** Connects and returns the MySQL/MariaDB data connection for the URL's database. */
export async function openMysqlDataConnection(
  target: MysqlConnection,
  options: DataConnectionOptions,
  signal: AbortSignal,
): Promise<DataConnection> {
  const connection = await connectMysql(target, signal);
  const run = (sql: string, s: AbortSignal) =>
    abortable(connection.query(sql), s, () => connection.destroy()).then(() => undefined);
  try {
    if (options.readOnly) await run('SET SESSION TRANSACTION READ ONLY', signal);
  } catch (error) {
    connection.destroy();
    throw error;
  }
  const operations: DataOperations = {
    readRows: (query, s) => readMysqlRows(connection, query, s),
    countRows: (query, s) => countMysqlRows(connection, query, s),
    updateRows: (collection, updates, s) => updateMysqlRows(connection, collection, updates, s),
    deleteRows: (collection, keys, s) => deleteMysqlRows(connection, collection, keys, s),
    updateMatching: (collection, match, set, s) => updateMysqlMatching(connection, collection, match, set, s),
  };
  let inTransaction = false;
  let closed = false;
  return {
    engine: 'mysql',
    transactional: true,
    ...operations,
    transaction: async (work, s) => {
      if (inTransaction) return work(operations);
      await run('START TRANSACTION', s);
      inTransaction = true;
      try {
        const result = await work(operations);
        await run('COMMIT', s);
        return result;
      } catch (error) {
        if (!s.aborted) await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        inTransaction = false;
      }
    },
    readSchema: (s) => readMysqlSchema(connection, target.database, s),
    close: async () => {
      if (closed) return;
      closed = true;
      await connection.end().catch(() => connection.destroy());
    },
  };
}
