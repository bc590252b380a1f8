// A run plans with the schema it reads over its own connection; the schema is reused across runs only while
// the database reports the same schema version, so a change (here a new primary key, and a column made NOT
// NULL, which changes its mask) shows in the very next run.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngineDeps } from '../../../test/engine/engine-deps.ts';
import {
  createPostgresDatabase,
  type TestDatabase,
  type TestStore,
} from '../../../test/support/test-stores.ts';
import type { FidesDataset } from '../../datamap/fides-dataset.ts';
import type { RequestEngineDeps } from './request-engine-deps.ts';
import { runRequest } from './run-request.ts';
import { schemaCache } from './schema-cache.ts';

const signal = new AbortController().signal;
const dataset: FidesDataset = {
  fides_key: 'shop',
  collections: [
    {
      name: 'customer',
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        { name: 'nickname', data_categories: ['user.name'] },
      ],
    },
    {
      name: 'note',
      fields: [
        { name: 'id' },
        {
          name: 'customer_id',
          fides_meta: { references: [{ dataset: 'shop', field: 'customer.id', direction: 'from' }] },
        },
        { name: 'body', data_categories: ['user.content'] },
      ],
    },
  ],
};

describe('schemas cached across runs', () => {
  let database: TestDatabase;
  let admin: pg.Client;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let reads = 0;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(`
      CREATE TABLE customer (id integer PRIMARY KEY, email text NOT NULL, nickname text);
      CREATE TABLE note (id integer NOT NULL, customer_id integer NOT NULL, body text);
      INSERT INTO customer VALUES (1, 'ada@example.com', 'ada'), (2, 'bob@example.com', 'bob');
      INSERT INTO note VALUES (1, 1, 'hello'), (2, 1, 'again'), (3, 2, 'bob''s');`);
    const opened = await openEngineDeps();
    store = opened.store;
    const cache = schemaCache();
    deps = {
      ...opened.deps,
      schemaCache: {
        schemaOf: async (url, connection, s) => {
          const before = connection.readSchema;
          const counting = Object.create(connection) as typeof connection;
          Object.assign(counting, {
            readSchema: (inner: AbortSignal) => {
              reads += 1;
              return before!.call(connection, inner);
            },
          });
          return cache.schemaOf(url, counting, s);
        },
      },
    };
  });
  afterAll(async () => {
    await admin?.end();
    await store?.cleanup();
    await database?.drop();
  });

  const access = () =>
    runRequest(
      deps,
      {
        type: 'access',
        bindings: [{ dataset, url: database.url }],
        identities: [{ type: 'email', value: 'ada@example.com' }],
      },
      signal,
    );

  it('reuses an unchanged schema and reads it again after a change', async () => {
    const first = await access();
    expect(first.plan.steps.map((s) => [s.collection, s.primaryKey])).toEqual([
      ['customer', ['id']],
      ['note', []],
    ]);
    expect(reads).toBe(1);
    await access();
    expect(reads).toBe(1);

    // Rows change, the schema does not.
    await admin.query(`INSERT INTO note VALUES (4, 1, 'more')`);
    expect((await access()).collections.note?.rows).toBe(3);
    expect(reads).toBe(1);

    await admin.query('ALTER TABLE note ADD PRIMARY KEY (id)');
    const linked = await access();
    expect(reads).toBe(2);
    expect(linked.plan.steps.map((s) => [s.collection, s.primaryKey])).toEqual([
      ['customer', ['id']],
      ['note', ['id']],
    ]);

    const nullable = linked.plan.steps[0]?.fields.find((f) => f.name === 'nickname');
    expect(nullable?.shape.nullable).toBe(true);
    await admin.query(`ALTER TABLE customer ALTER COLUMN nickname SET NOT NULL`);
    const erasure = await runRequest(
      deps,
      {
        type: 'erasure',
        bindings: [{ dataset, url: database.url }],
        identities: [{ type: 'email', value: 'ada@example.com' }],
      },
      signal,
    );
    expect(reads).toBe(3);
    expect(erasure.collections.customer).toMatchObject({ rows: 1, masked: 1 });
    expect(erasure.collections.note).toMatchObject({ rows: 3, masked: 3 });
    const { rows } = await admin.query('SELECT id, nickname FROM customer ORDER BY id');
    expect(rows[0]?.nickname).toMatch(/^erased-[0-9a-f]+$/);
    expect(rows[1]).toEqual({ id: 2, nickname: 'bob' });
  });
});
