// The graph check asks each connected dataset's live schema whether its identity columns have an index.
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMariadbAdmin } from '../../../test/support/create-mariadb-database.ts';
import {
  loadMariadbSample,
  loadPostgresSample,
  loadSqliteSample,
} from '../../../test/support/load-sample-database.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import type { TestDatabase } from '../../../test/support/test-stores.ts';

const schema = `
CREATE TABLE customer (id INTEGER NOT NULL PRIMARY KEY, email VARCHAR(200), phone VARCHAR(40));
CREATE TABLE orders (id INTEGER NOT NULL PRIMARY KEY, customer_id INTEGER REFERENCES customer (id));
CREATE INDEX customer_phone_email ON customer (phone, email);
`;
const addIndex = 'CREATE INDEX customer_email ON customer (email)';

const datasetYaml = (key: string) => `dataset:
  - fides_key: ${key}
    collections:
      - name: customer
        fields:
          - name: id
            fides_meta: {primary_key: true}
          - name: email
            fides_meta: {identity: email}
          - name: phone
            fides_meta: {identity: phone_number}
      - name: orders
        fields:
          - name: id
          - name: customer_id
            fides_meta:
              references: [{dataset: ${key}, field: customer.id, direction: from}]
`;

async function runSql(engine: string, database: TestDatabase, sql: string): Promise<void> {
  if (engine === 'sqlite') {
    const db = new Database(database.url.slice('sqlite:'.length));
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  } else if (engine === 'postgres') {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  } else {
    const conn = await connectMariadbAdmin(new URL(database.url).pathname.slice(1));
    try {
      await conn.query(sql);
    } finally {
      await conn.end();
    }
  }
}

const engines = [
  { engine: 'postgres', load: () => loadPostgresSample(schema) },
  { engine: 'mariadb', load: () => loadMariadbSample(schema) },
  { engine: 'sqlite', load: () => loadSqliteSample(schema) },
] as const;

describe('GET /api/admin/datasets/check with live schemas', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    t = await startTestApp({ kind: 'sqlite' });
    admin = { authorization: `Bearer ${await t.apiKey('admin')}` };
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    for (const database of databases) await database.drop();
  });

  const check = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/admin/datasets/check', headers: admin });
    expect(response.statusCode).toBe(200);
    return response.json<{ issues: { code: string; path: string; severity: string; message: string }[] }>()
      .issues;
  };

  it.each(engines)(
    '$engine: an identity without an index is a warning with its path; an index removes it',
    async ({ engine, load }) => {
      const database = await load();
      databases.push(database);
      const key = `shop_${engine}`;
      const imported = await t.app.inject({
        method: 'POST',
        url: '/api/admin/datasets/import',
        headers: admin,
        payload: { yaml: datasetYaml(key), name: `${key}.yml` },
      });
      expect(imported.statusCode).toBe(200);
      const mine = async () => (await check()).filter((i) => i.path.startsWith(`${key}:`));
      // Without a connection nothing is known about indexes, so nothing is said.
      expect(await mine()).toEqual([]);

      const created = await t.app.inject({
        method: 'POST',
        url: '/api/admin/connections',
        headers: admin,
        payload: { name: `Shop ${engine}`, url: database.url, datasetKey: key },
      });
      expect(created.statusCode).toBe(201);
      // email is only the second column of (phone, email): a lookup by email cannot use that index.
      expect(await mine()).toEqual([
        {
          code: 'identity_without_index',
          severity: 'warning',
          path: `${key}:collections[0].fields[1]`,
          message: `${key}.customer.email holds the identity "email" but has no index: every request scans the table`,
          dataset: key,
          pointer: 'collections[0].fields[1]',
          collection: 'customer',
        },
      ]);

      await runSql(engine, database, addIndex);
      expect(await mine()).toEqual([]);
    },
    120_000,
  );

  it('a connection that cannot be read is a warning without its password, and the rest is still checked', async () => {
    const key = 'shop_down';
    await t.app.inject({
      method: 'POST',
      url: '/api/admin/datasets/import',
      headers: admin,
      payload: { yaml: datasetYaml(key) },
    });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/connections',
      headers: admin,
      payload: {
        name: 'Down',
        url: 'postgres://reader:s3cret-pw@127.0.0.1:1/nowhere',
        datasetKey: key,
      },
    });
    expect(created.statusCode).toBe(201);
    const issues = await check();
    const down = issues.filter((i) => i.path === key);
    expect(down).toEqual([expect.objectContaining({ code: 'schema_unavailable', severity: 'warning' })]);
    expect(down[0]?.message).toMatch(/^connection "Down" could not be read/);
    expect(JSON.stringify(issues)).not.toContain('s3cret-pw');
  }, 120_000);
});
