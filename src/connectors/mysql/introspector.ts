import type { MysqlConnection } from '../connection-url.ts';
import type { Introspector } from '../introspection.ts';
import { connectMysql, queryMysql } from './connect.ts';
import { readMysqlSchema } from './read-schema.ts';
import { sampleMysqlValues } from './sample-values.ts';

/** Connects a read-only session and returns the MySQL/MariaDB introspector for the URL's database. */
export async function openMysqlIntrospector(
  target: MysqlConnection,
  signal: AbortSignal,
): Promise<Introspector> {
  const connection = await connectMysql(target, signal);
  let closed = false;
  try {
    // Discovery only reads; the server enforces it.
    await queryMysql(connection, 'SET SESSION TRANSACTION READ ONLY', [], signal);
  } catch (error) {
    connection.destroy();
    throw error;
  }
  return {
    engine: 'mysql',
    readSchema: (s) => readMysqlSchema(connection, target.database, s),
    sampleValues: (table, column, n, s) => sampleMysqlValues(connection, table, column, n, s),
    close: async () => {
      if (closed) return;
      closed = true;
      await connection.end().catch(() => connection.destroy());
    },
  };
}
