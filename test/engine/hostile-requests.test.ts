// Hostile identities and hostile identifiers in a data map are data, on every SQL engine: quoted names,
// bound values, nothing smuggled runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier, type SqlDialect } from '../../src/connectors/quote-identifier.ts';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { loadMariadbSample, loadPostgresSample, loadSqliteSample } from '../support/load-sample-database.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const PEOPLE = 'cu"st`omer; DROP TABLE canary; --';
const ORDERS = 'or\'ders" --';
const EMAIL = 'e"ma`il';
const NAME = 'na me';
const REF = 'cu"st_id';
const MISSING = 'x"; DROP TABLE canary; --';
const INJECTION = "' OR 1=1 --";

function schema(dialect: SqlDialect): string {
  const q = (name: string) => quoteIdentifier(dialect, name);
  return `
CREATE TABLE canary (id INTEGER PRIMARY KEY);
CREATE TABLE ${q(PEOPLE)} (id INTEGER NOT NULL PRIMARY KEY, ${q(EMAIL)} VARCHAR(200) NOT NULL, ${q(NAME)} VARCHAR(50));
CREATE TABLE ${q(ORDERS)} (id INTEGER NOT NULL PRIMARY KEY, ${q(REF)} INTEGER, note VARCHAR(50));
INSERT INTO canary (id) VALUES (1);
INSERT INTO ${q(PEOPLE)} (id, ${q(EMAIL)}, ${q(NAME)}) VALUES (1, 'ada@example.com', 'Ada'), (2, '${INJECTION.replaceAll("'", "''")}', 'Bob'), (3, 'ÜNÏ@Exämple.com', 'Uni');
INSERT INTO ${q(ORDERS)} (id, ${q(REF)}, note) VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c');`;
}

const dataset = (extra: FidesDataset['collections'] = []): FidesDataset => ({
  fides_key: 'hostile',
  collections: [
    {
      name: PEOPLE,
      fields: [
        { name: 'id', fides_meta: { primary_key: true } },
        { name: EMAIL, data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        { name: NAME, data_categories: ['user.name'] },
      ],
    },
    {
      name: ORDERS,
      fields: [
        { name: 'id', fides_meta: { primary_key: true } },
        {
          name: REF,
          fides_meta: { references: [{ dataset: 'hostile', field: `${PEOPLE}.id`, direction: 'from' }] },
        },
        { name: 'note', data_categories: ['user.content'] },
      ],
    },
    ...extra,
  ],
});

const engines = [
  { name: 'postgres', load: () => loadPostgresSample(schema('postgres')) },
  { name: 'mysql', load: () => loadMariadbSample(schema('mysql')) },
  { name: 'sqlite', load: () => loadSqliteSample(schema('sqlite')) },
] as const;

const signal = new AbortController().signal;

describe.each(engines)('hostile input on $name', ({ name, load }) => {
  let database: TestDatabase;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let sql: SqlClient;
  const q = (id: string) => quoteIdentifier(name, id);
  const run = (type: 'access' | 'erasure', email: string, map = dataset()) =>
    runRequest(
      deps,
      {
        type,
        bindings: [{ dataset: map, url: database.url }],
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

  it('matches an injection attempt as the literal email it is, and a 10 KB one as nothing', async () => {
    const literal = await run('access', INJECTION);
    expect(literal.status).toBe('completed');
    expect(literal.collections[PEOPLE]?.rows).toBe(1);
    expect(literal.collections[ORDERS]?.rows).toBe(1);
    const long = await run('access', 'a'.repeat(10_240));
    expect(long.status).toBe('completed');
    expect(long.collections[PEOPLE]?.rows).toBe(0);
    expect((await run('access', 'ünï@exämple.com')).collections[PEOPLE]?.rows).toBe(1);
  });

  it('erases exactly the matched person through quoted names', async () => {
    const result = await run('erasure', INJECTION);
    expect(result.status).toBe('completed');
    expect(result.collections[PEOPLE]).toMatchObject({ rows: 1, masked: 1 });
    const people = await sql.query(
      `SELECT id, ${q(EMAIL)} AS email, ${q(NAME)} AS name FROM ${q(PEOPLE)} ORDER BY id`,
    );
    expect(people.map((p) => [Number(p.id), p.name])).toEqual([
      [1, 'Ada'],
      [2, null],
      [3, 'Uni'],
    ]);
    expect(people[1]?.email).toMatch(/^erased-/);
    expect(await sql.query(`SELECT note FROM ${q(ORDERS)} ORDER BY id`)).toEqual([
      { note: 'a' },
      { note: null },
      { note: 'c' },
    ]);
    expect(await sql.query('SELECT id FROM canary')).toHaveLength(1);
  });

  it('fails only the step of a table that does not exist, running none of its name', async () => {
    const map = dataset([
      {
        name: MISSING,
        fields: [
          { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        ],
      },
    ]);
    const result = await run('access', 'ada@example.com', map);
    expect(result.status).toBe('partial');
    expect(result.collections[MISSING]?.status).toBe('failed');
    expect(result.collections[PEOPLE]).toMatchObject({ status: 'done', rows: 1 });
    expect(await sql.query('SELECT id FROM canary')).toHaveLength(1);
  });
});
