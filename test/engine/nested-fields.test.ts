// Documents and JSON columns (Fides `fields` inside fields): access returns the whole document; erasure masks
// the personal fields inside it, at any depth and in arrays, and leaves the rest of the document as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { describePlan } from '../../src/engine/plan/describe-plan.ts';
import { loadPostgresSample, loadSqliteSample } from '../support/load-sample-database.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const profile = (name: string, street: string) => ({
  name,
  address: { street, city: 'Leeds' },
  phones: [{ number: '+44 113 496 0000', kind: 'home' }, { kind: 'none' }],
  theme: 'dark',
});
const insert = `INSERT INTO member (id, email, profile) VALUES
  (1, 'ada@example.com', '${JSON.stringify(profile('Ada', '1 Loom Street'))}'),
  (2, 'bob@example.com', '${JSON.stringify(profile('Bob', '2 Mill Lane'))}');`;

const engines = [
  {
    name: 'postgres',
    load: () =>
      loadPostgresSample(`CREATE TABLE member (id INTEGER PRIMARY KEY, email TEXT NOT NULL, profile JSONB);
        ${insert}`),
  },
  {
    name: 'sqlite',
    load: () =>
      loadSqliteSample(`CREATE TABLE member (id INTEGER PRIMARY KEY, email TEXT NOT NULL, profile TEXT);
        ${insert}`),
  },
] as const;

const dataset: FidesDataset = {
  fides_key: 'club',
  collections: [
    {
      name: 'member',
      fields: [
        { name: 'id' },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        {
          name: 'profile',
          fields: [
            { name: 'name', data_categories: ['user.name'] },
            {
              name: 'address',
              fields: [
                { name: 'street', data_categories: ['user.contact.address.street'] },
                { name: 'city' },
              ],
            },
            { name: 'phones', fields: [{ name: 'number', data_categories: ['user.contact.phone_number'] }] },
            { name: 'theme' },
          ],
        },
      ],
    },
  ],
};
const signal = new AbortController().signal;

describe.each(engines)('nested fields on $name', ({ load }) => {
  let database: TestDatabase;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let sql: SqlClient;
  const run = (
    type: 'access' | 'erasure',
    email: string,
    consume?: Parameters<typeof runRequest>[1]['consume'],
  ) =>
    runRequest(
      deps,
      {
        type,
        bindings: [{ dataset, url: database.url }],
        identities: [{ type: 'email', value: email }],
        ...(consume ? { consume } : {}),
      },
      signal,
    );
  const stored = async (id: number) => {
    const [row] = await sql.query('SELECT email, profile FROM member WHERE id = ?', [id]);
    const value = row?.profile;
    return { email: row?.email, profile: typeof value === 'string' ? JSON.parse(value) : value };
  };

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

  it('collects the whole document and plans the fields inside it', async () => {
    const rows: Record<string, unknown>[] = [];
    const result = await run('access', 'ada@example.com', async (collections) => {
      for await (const c of collections) for await (const row of c.rows) rows.push({ ...row });
    });
    expect(result.status).toBe('completed');
    expect(rows).toHaveLength(1);
    const document = rows[0]?.profile;
    expect(typeof document === 'string' ? JSON.parse(document) : document).toEqual(
      profile('Ada', '1 Loom Street'),
    );
    const mask = describePlan(result.plan, new Map()).collections[0]?.mask;
    expect(mask).toContainEqual(expect.objectContaining({ field: 'profile', strategy: 'nested' }));
  });

  it('masks the personal fields inside the document, in arrays too, and nothing else', async () => {
    const result = await run('erasure', 'ada@example.com');
    expect(result.status).toBe('completed');
    expect(result.collections.member).toMatchObject({ rows: 1, masked: 1 });
    const ada = await stored(1);
    expect(ada.email).toMatch(/^erased-/);
    expect(ada.profile).toEqual({
      name: null,
      address: { street: null, city: 'Leeds' },
      phones: [{ number: null, kind: 'home' }, { kind: 'none' }],
      theme: 'dark',
    });
    expect(await stored(2)).toEqual({ email: 'bob@example.com', profile: profile('Bob', '2 Mill Lane') });
  });
});
