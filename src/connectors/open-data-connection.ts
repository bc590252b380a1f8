import { parseConnectionUrl, type ConnectionDescriptor } from './connection-url.ts';
import type { DataConnection, DataConnectionOptions } from './data-connection.ts';
import { openMysqlDataConnection } from './mysql/data-connection.ts';
import { openPostgresDataConnection } from './postgres/data-connection.ts';
import { openRedisDataConnection } from './redis/data-connection.ts';
import { openSqliteDataConnection } from './sqlite/data-connection.ts';

/** Connects to the database a URL (or parsed descriptor) names and returns its engine's data connection. */
export function openDataConnection(
  connection: string | ConnectionDescriptor,
  options: DataConnectionOptions,
  signal: AbortSignal,
): Promise<DataConnection> {
  const target = typeof connection === 'string' ? parseConnectionUrl(connection) : connection;
  switch (target.engine) {
    case 'postgres':
      return openPostgresDataConnection(target, options, signal);
    case 'mysql':
      return openMysqlDataConnection(target, options, signal);
    case 'sqlite':
      return openSqliteDataConnection(target, options, signal);
    case 'redis':
      return openRedisDataConnection(target, options, signal);
  }
}
