import mysql from 'mysql2/promise';
import { abortable } from '../abortable.ts';
import type { MysqlConnection } from '../connection-url.ts';

/** Opens a mysql2 connection (MySQL or MariaDB); the caller ends it in a `finally`. */
export function connectMysql(target: MysqlConnection, signal: AbortSignal): Promise<mysql.Connection> {
  const pending = mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
    ...(target.password === undefined ? {} : { password: target.password }),
    ...(target.tls ? { ssl: {} } : {}),
    connectTimeout: 10_000,
    charset: 'utf8mb4',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  return abortable(pending, signal, () => {
    void pending.then((connection) => connection.destroy()).catch(() => undefined);
  });
}

/** Runs one parameterised query, destroying the connection if the signal aborts first. */
export async function queryMysql<Row>(
  connection: mysql.Connection,
  sql: string,
  values: readonly unknown[],
  signal: AbortSignal,
): Promise<Row[]> {
  const [rows] = await abortable(connection.query<mysql.RowDataPacket[]>(sql, [...values]), signal, () =>
    connection.destroy(),
  );
  return rows as Row[];
}
