// The shared-row check through a foreign key of several columns: a gift (not in the data map) shipped to the
// subject's address keeps that address; an address that only matches the key's first column is not shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { loadPostgresSample, loadSqliteSample } from '../support/load-sample-database.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const schema = `
CREATE TABLE address (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL, seq INTEGER NOT NULL,
  street VARCHAR(100), UNIQUE (owner_id, seq));
CREATE TABLE customer (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL,
  address_id INTEGER REFERENCES address (id));
CREATE TABLE gift (id INTEGER PRIMARY KEY, recipient VARCHAR(100), ship_owner INTEGER, ship_seq INTEGER,
  FOREIGN KEY (ship_owner, ship_seq) REFERENCES address (owner_id, seq));
INSERT INTO address (id, owner_id, seq, street) VALUES
  (10, 1, 1, '1 Loom Street'), (20, 1, 2, '2 Mill Lane'), (30, 2, 1, '3 Dye Row');
INSERT INTO customer (id, email, address_id) VALUES (1, 'ada@example.com', 10), (2, 'bob@example.com', 20);
INSERT INTO gift (id, recipient, ship_owner, ship_seq) VALUES (100, 'carol', 1, 1), (101, 'dan', 2, 1);`;

const engines = [
  { name: 'postgres', load: () => loadPostgresSample(schema) },
  { name: 'sqlite', load: () => loadSqliteSample(schema) },
] as const;

const dataset: FidesDataset = {
  fides_key: 'home',
  collections: [
    {
      name: 'customer',
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        {
          name: 'address_id',
          fides_meta: { references: [{ dataset: 'home', field: 'address.id', direction: 'to' }] },
        },
      ],
    },
    {
      name: 'address',
      fields: [
        { name: 'id' },
        { name: 'owner_id' },
        { name: 'seq' },
        { name: 'street', data_categories: ['user.contact.address.street'] },
      ],
    },
  ],
};
const signal = new AbortController().signal;

describe.each(engines)('shared rows through a composite foreign key on $name', ({ load }) => {
  let database: TestDatabase;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let sql: SqlClient;
  const erase = (email: string) =>
    runRequest(
      deps,
      {
        type: 'erasure',
        bindings: [{ dataset, url: database.url }],
        identities: [{ type: 'email', value: email }],
      },
      signal,
    );
  const street = async (id: number) =>
    (await sql.query('SELECT street FROM address WHERE id = ?', [id]))[0]?.street ?? null;

  beforeAll(async () => {
    database = await load();
    ({ deps, store } = await openEngineDeps());
    sql = await openSqlClient(database.url);
  });
  afterAll(async () => {
    await sql?.close();
    await store?.cleanup();
    await database?.drop();
  });

  it('keeps the address a gift of someone else is shipped to, and says so', async () => {
    const result = await erase('ada@example.com');
    expect(result.status).toBe('completed');
    expect(result.collections.address).toMatchObject({ rows: 1, masked: 0, kept: 1 });
    expect(result.collections.address?.reasons).toEqual([
      expect.objectContaining({ code: 'shared', message: expect.stringContaining('gift.ship_owner') }),
    ]);
    expect(await street(10)).toBe('1 Loom Street');
  });

  it('erases an address that only shares the first column of the key with a gift', async () => {
    const result = await erase('bob@example.com');
    expect(result.status).toBe('completed');
    expect(result.collections.address).toMatchObject({ rows: 1, masked: 1, kept: 0 });
    expect(await street(20)).toBeNull();
    expect(await street(30)).toBe('3 Dye Row');
  });
});
