// The Fides sample shop (PostgreSQL, no foreign keys) with its own dataset YAML: the graph is the map's.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataRow } from '../../src/connectors/data-connection.ts';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import { parseFidesYaml } from '../../src/datamap/fides-yaml/parse-fides-yaml.ts';
import { createPurpose } from '../../src/datamap/purposes/purpose-repository.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest, type RequestRunInput } from '../../src/engine/execution/run-request.ts';
import { loadPostgresSample, loadSampleScript } from '../support/load-sample-database.ts';
import { sampleScripts } from '../support/sample-datasets.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type SqlClient } from './sql-client.ts';

const signal = new AbortController().signal;
const yaml = readFileSync(
  new URL(
    '../fixtures/datasets/fides-example/data_dataset_postgres_example_test_dataset.yml',
    import.meta.url,
  ),
  'utf8',
);

describe('requests on the Fides sample shop (PostgreSQL, map-only references)', () => {
  let database: TestDatabase;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let dataset: FidesDataset;
  let sql: SqlClient;
  const run = (input: Omit<RequestRunInput, 'bindings'>, map = dataset) =>
    runRequest(deps, { ...input, bindings: [{ dataset: map, url: database.url }] }, signal);

  beforeAll(async () => {
    database = await loadSampleScript(loadPostgresSample, sampleScripts.fidesShopPostgres);
    ({ deps, store } = await openEngineDeps('postgres'));
    const [parsed] = parseFidesYaml(yaml, 'shop.yml').datasets;
    if (parsed === undefined) throw new Error('no dataset');
    dataset = parsed;
    sql = await openSqlClient(database.url);
  });
  afterAll(async () => {
    await sql?.close();
    await store?.cleanup();
    await database?.drop();
  });

  it('collects the rows the map reaches from the email, and only those', async () => {
    const rows: Record<string, DataRow[]> = {};
    const result = await run({
      type: 'access',
      identities: [{ type: 'email', value: 'customer-1@example.com' }],
      consume: async (collections) => {
        for await (const c of collections)
          for await (const row of c.rows) (rows[c.collection] ??= []).push(row);
      },
    });
    expect(result.status).toBe('completed');
    const ids = (name: string, field = 'id') =>
      (rows[name] ?? []).map((r) => String(r[field] as string)).sort();
    expect(ids('customer')).toEqual(['1']);
    expect(ids('address')).toEqual(['1', '2']);
    expect(ids('orders')).toEqual(['ord_aaa-aaa', 'ord_ccc-ccc', 'ord_ddd-ddd']);
    expect(ids('payment_card')).toEqual(['pay_aaa-aaa']);
    expect(ids('login')).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(ids('service_request')).toEqual(['ser_aaa-aaa']);
    expect(ids('visit', 'email')).toEqual(['customer-1@example.com']);
    expect(Object.keys(rows).sort()).toEqual([
      'address',
      'customer',
      'login',
      'orders',
      'payment_card',
      'service_request',
      'visit',
    ]);
    expect(result.collections.report?.rows).toBe(0);
    expect(result.collections.employee?.rows).toBe(0);
  });

  it('does not erase the addresses another customer also uses, and says so', async () => {
    const addresses = () => sql.query('SELECT * FROM address ORDER BY id');
    const before = await addresses();
    const result = await run({
      type: 'erasure',
      identities: [{ type: 'email', value: 'customer-1@example.com' }],
    });
    expect(result.status).toBe('completed');
    expect(result.collections.address).toMatchObject({ rows: 2, masked: 0, kept: 2 });
    expect(result.collections.address?.reasons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'shared', message: expect.stringMatching(/also referred to by/) }),
      ]),
    );
    expect(await addresses()).toEqual(before);
    expect(result.collections.customer).toMatchObject({ rows: 1, masked: 1 });
    const [customer] = await sql.query('SELECT * FROM customer WHERE id = 1');
    expect(customer).toMatchObject({ email: null, name: null, address_id: '1' });
    expect(await sql.query('SELECT * FROM customer WHERE id = 2')).toEqual([
      expect.objectContaining({ email: 'customer-2@example.com', name: 'Jill Customer' }),
    ]);
    // visit's key holds the email: it gets a unique placeholder instead.
    const visits = await sql.query('SELECT email FROM visit ORDER BY email');
    expect(visits.map((v) => v.email)).toEqual([
      'customer-2@example.com',
      expect.stringMatching(/^erased-[0-9a-f]+$/),
    ]);
  });

  it('erases an address only this customer uses', async () => {
    const result = await run({ type: 'erasure', identities: [{ type: 'email', value: 'jane@example.com' }] });
    expect(result.collections.address).toMatchObject({ rows: 1, masked: 1, kept: 0 });
    expect(await sql.query('SELECT * FROM address WHERE id = 4')).toEqual([
      { id: 4, house: null, street: null, city: null, state: null, zip: null },
    ]);
  });

  it('keeps fields under a legal obligation, with the reason', async () => {
    await createPurpose(
      deps,
      {
        key: 'card_records',
        name: 'Payment records',
        dataUse: 'essential.service.payment_processing',
        legalBasis: '6.1.c',
        retentionPeriod: 'P10Y',
        dataCategories: ['user.financial.bank_account'],
      },
      'test',
    );
    const held: FidesDataset = {
      ...dataset,
      collections: dataset.collections.map((c) =>
        c.name === 'payment_card'
          ? ({ ...c, 'x-privet': { legal_hold: { purpose: 'card_records' } } } as typeof c)
          : c,
      ),
    };
    const result = await run(
      { type: 'erasure', identities: [{ type: 'email', value: 'customer-2@example.com' }] },
      held,
    );
    expect(result.collections.payment_card).toMatchObject({ rows: 1, masked: 1, kept: 0 });
    expect(result.collections.payment_card?.reasons).toEqual([
      expect.objectContaining({
        code: 'legal_hold',
        fields: ['ccn'],
        message: expect.stringMatching(/Payment records/),
      }),
    ]);
    expect(await sql.query("SELECT ccn, code, name FROM payment_card WHERE id = 'pay_bbb-bbb'")).toEqual([
      { ccn: '987654321', code: null, name: null },
    ]);
  });
});
