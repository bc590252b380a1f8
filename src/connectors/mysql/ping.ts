import type { MysqlConnection } from '../connection-url.ts';
import type { ServerInfo } from '../introspection.ts';
import { connectMysql, queryMysql } from './connect.ts';

/** Connects, asks the server's version (telling MariaDB from MySQL) and disconnects. */
export async function pingMysql(target: MysqlConnection, signal: AbortSignal): Promise<ServerInfo> {
  const connection = await connectMysql(target, signal);
  try {
    const rows = await queryMysql<{ version: string }>(connection, 'SELECT VERSION() AS version', [], signal);
    const version = rows[0]?.version ?? 'unknown';
    return { engine: /mariadb/i.test(version) ? 'mariadb' : 'mysql', version };
  } finally {
    await connection.end().catch(() => undefined);
  }
}
