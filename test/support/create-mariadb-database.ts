import mysql from 'mysql2/promise';
import { randomBytes } from 'node:crypto';
import type { TestDatabase } from './test-stores.ts';

/** Where tests find MariaDB/MySQL: a server on which they may create and drop databases. */
export const testMariadbAdminUrl = process.env.PRIVET_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/mysql';

/** Opens an admin connection that accepts several statements in one query (for loading scripts). */
export function connectMariadbAdmin(database?: string): Promise<mysql.Connection> {
  const url = new URL(testMariadbAdminUrl);
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    ...(database === undefined ? {} : { database }),
    multipleStatements: true,
    charset: 'utf8mb4',
  });
}

/** Creates an empty MariaDB database with a unique name; `drop()` removes it. */
export async function createMariadbDatabase(): Promise<TestDatabase & { readonly name: string }> {
  const name = `privet_test_${randomBytes(6).toString('hex')}`;
  const admin = await connectMariadbAdmin();
  try {
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  const url = new URL(testMariadbAdminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      const conn = await connectMariadbAdmin();
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end();
      }
    },
  };
}
