// Test support: hand-written SQL against a test database of any SQL engine, to check the engine against.
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { parseConnectionUrl } from '../../src/connectors/connection-url.ts';

export type Row = Record<string, unknown>;

export interface SqlClient {
  /** Runs SQL with `?` placeholders (rewritten to `$n` for PostgreSQL). */
  query(sql: string, values?: readonly unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** Opens a plain driver connection to a `postgres://`, `mysql://` or `sqlite:` test URL. */
export async function openSqlClient(url: string): Promise<SqlClient> {
  const target = parseConnectionUrl(url);
  if (target.engine === 'sqlite') {
    const db = new Database(target.path);
    return {
      query: async (sql, values = []) => {
        const statement = db.prepare(sql);
        return statement.reader ? (statement.all(...values) as Row[]) : (statement.run(...values), []);
      },
      close: async () => {
        db.close();
      },
    };
  }
  if (target.engine === 'mysql') {
    const connection = await mysql.createConnection({
      host: target.host,
      port: target.port,
      user: target.user,
      database: target.database,
      dateStrings: true,
    });
    return {
      query: async (sql, values = []) => (await connection.query(sql, [...values]))[0] as Row[],
      close: () => connection.end(),
    };
  }
  if (target.engine !== 'postgres') throw new Error(`no SQL client for ${target.engine}`);
  const client = new pg.Client({
    host: target.host,
    port: target.port,
    user: target.user,
    database: target.database,
  });
  for (const oid of [1082, 1114, 1184]) client.setTypeParser(oid, 'text', (v: string) => v);
  await client.connect();
  return {
    query: async (sql, values = []) => {
      let n = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++n}`),
          [...values],
        )
      ).rows as Row[];
    },
    close: () => client.end(),
  };
}
