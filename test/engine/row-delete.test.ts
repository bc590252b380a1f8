// Row deletes (opt-in per collection): children before parents, a loop of references broken by nulling the
// nullable one, and a delete the database refuses (rows that stay still point at it) turned into masking.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { loadPostgresSample, loadSqliteSample } from '../support/load-sample-database.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const tables = (loop: string) => `
CREATE TABLE account (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, main_card_id INTEGER ${loop});
CREATE TABLE card (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id), number VARCHAR(30));
CREATE TABLE note (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES account (id), body VARCHAR(100));
INSERT INTO account (id, email) VALUES (1, 'ada@example.com'), (2, 'bob@example.com'), (3, 'cy@example.com');
INSERT INTO card (id, account_id, number) VALUES (10, 1, '4111'), (20, 2, '5500'), (30, 3, '3400');
UPDATE account SET main_card_id = id * 10;
INSERT INTO note (id, account_id, body) VALUES (100, 2, 'call back');`;

const engines = [
  { name: 'sqlite', load: () => loadSqliteSample(tables('REFERENCES card (id)')) },
  {
    name: 'postgres',
    load: () =>
      loadPostgresSample(
        tables(''),
        'ALTER TABLE account ADD FOREIGN KEY (main_card_id) REFERENCES card (id);',
      ),
  },
] as const;

const remove = { fides_meta: { masking_strategy_override: { strategy: 'delete' } } } as const;
const dataset: FidesDataset = {
  fides_key: 'bank',
  collections: [
    {
      name: 'account',
      ...remove,
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
      ],
    },
    {
      name: 'card',
      ...remove,
      fields: [
        { name: 'id' },
        {
          name: 'account_id',
          fides_meta: { references: [{ dataset: 'bank', field: 'account.id', direction: 'from' }] },
        },
        { name: 'number', data_categories: ['user.financial'] },
      ],
    },
    {
      name: 'note',
      fields: [
        { name: 'id' },
        {
          name: 'account_id',
          fides_meta: { references: [{ dataset: 'bank', field: 'account.id', direction: 'from' }] },
        },
        { name: 'body', data_categories: ['user.content'] },
      ],
    },
  ],
};
const signal = new AbortController().signal;

describe.each(engines)('row deletes on $name', ({ load }) => {
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

  it('deletes an account and its card that refer to each other', async () => {
    const result = await erase('ada@example.com');
    expect(result.plan.erasureOrder).toEqual(['bank/note', 'bank/card', 'bank/account']);
    expect(result.status).toBe('completed');
    expect(result.collections.card).toMatchObject({ rows: 1, deleted: 1 });
    expect(result.collections.account).toMatchObject({ rows: 1, deleted: 1 });
    expect((await sql.query('SELECT id FROM account ORDER BY id')).map((r) => Number(r.id))).toEqual([2, 3]);
    expect((await sql.query('SELECT id FROM card ORDER BY id')).map((r) => Number(r.id))).toEqual([20, 30]);
  });

  it('masks instead when rows that stay still refer to the row, and says so', async () => {
    const result = await erase('bob@example.com');
    expect(result.status).toBe('completed');
    expect(result.collections.note).toMatchObject({ rows: 1, masked: 1 });
    expect(result.collections.card).toMatchObject({ rows: 1, deleted: 1 });
    expect(result.collections.account).toMatchObject({ rows: 1, deleted: 0, masked: 1 });
    expect(result.collections.account?.reasons).toEqual([
      expect.objectContaining({ code: 'delete_refused' }),
    ]);
    const [bob] = await sql.query('SELECT email, main_card_id FROM account WHERE id = 2');
    expect(bob?.email).toMatch(/^erased-/);
    expect(bob?.main_card_id).toBeNull();
    expect(await sql.query('SELECT body FROM note')).toEqual([{ body: null }]);
    expect(await sql.query('SELECT email FROM account WHERE id = 3')).toEqual([{ email: 'cy@example.com' }]);
  });
});
