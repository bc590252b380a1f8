// Chinook in PostgreSQL, MariaDB and SQLite, mapped by Privet's own scan: the engine's counts against
// hand-written SQL, and erasure that leaves the support rep, other customers and invoice lines alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIntrospector } from '../../src/connectors/open-introspector.ts';
import type { DataRow } from '../../src/connectors/data-connection.ts';
import { scanDatabase } from '../../src/datamap/discovery/scan-database.ts';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest, type RequestRunInput } from '../../src/engine/execution/run-request.ts';
import {
  loadMariadbSample,
  loadPostgresSample,
  loadSampleScript,
  loadSqliteSample,
} from '../support/load-sample-database.ts';
import { sampleScripts } from '../support/sample-datasets.ts';
import type { TestDatabase, TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { openSqlClient, type Row, type SqlClient } from './sql-client.ts';

const snake = {
  customer: 'customer',
  invoice: 'invoice',
  line: 'invoice_line',
  employee: 'employee',
  id: 'customer_id',
  invoiceId: 'invoice_id',
  email: 'email',
  rep: 'support_rep_id',
};
const pascal = {
  customer: 'Customer',
  invoice: 'Invoice',
  line: 'InvoiceLine',
  employee: 'Employee',
  id: 'CustomerId',
  invoiceId: 'InvoiceId',
  email: 'Email',
  rep: 'SupportRepId',
};

const dialects = [
  {
    name: 'PostgreSQL',
    names: snake,
    load: () => loadSampleScript(loadPostgresSample, sampleScripts.chinookPostgres),
  },
  {
    name: 'MariaDB',
    names: pascal,
    load: () => loadSampleScript(loadMariadbSample, sampleScripts.chinookMysql),
  },
  {
    name: 'SQLite',
    names: pascal,
    load: () => loadSampleScript(loadSqliteSample, sampleScripts.chinookSqlite),
  },
] as const;

const signal = new AbortController().signal;
const LUIS = 'luisg@embraer.com.br';

describe.each(dialects)('requests on Chinook ($name)', ({ names: n, load }) => {
  let database: TestDatabase;
  let store: TestStore;
  let deps: RequestEngineDeps;
  let dataset: FidesDataset;
  let sql: SqlClient;
  const run = (input: Omit<RequestRunInput, 'bindings'>) =>
    runRequest(deps, { ...input, bindings: [{ dataset, url: database.url }] }, signal);
  const handCounts = async (where: string, value: string) => {
    const count = async (text: string) => Number((await sql.query(text, [value]))[0]?.n);
    return {
      [n.customer]: await count(`SELECT count(*) AS n FROM ${n.customer} c WHERE ${where}`),
      [n.invoice]: await count(
        `SELECT count(*) AS n FROM ${n.invoice} i JOIN ${n.customer} c ON c.${n.id} = i.${n.id} WHERE ${where}`,
      ),
      [n.line]: await count(
        `SELECT count(*) AS n FROM ${n.line} l JOIN ${n.invoice} i ON i.${n.invoiceId} = l.${n.invoiceId} JOIN ${n.customer} c ON c.${n.id} = i.${n.id} WHERE ${where}`,
      ),
    };
  };
  const collected = async (input: Omit<RequestRunInput, 'bindings'>) => {
    const rows: Record<string, DataRow[]> = {};
    const result = await run({
      ...input,
      consume: async (collections) => {
        for await (const c of collections) {
          rows[c.collection] = [];
          for await (const row of c.rows) rows[c.collection]?.push(row);
        }
      },
    });
    return { result, rows };
  };

  beforeAll(async () => {
    database = await load();
    ({ deps, store } = await openEngineDeps());
    dataset = (
      await scanDatabase(
        { openIntrospector, clock: fixedClock('2026-06-01T00:00:00Z') },
        { url: database.url },
        signal,
      )
    ).dataset;
    sql = await openSqlClient(database.url);
  });
  afterAll(async () => {
    await sql?.close();
    await store?.cleanup();
    await database?.drop();
  });

  it('collects exactly the rows hand-written SQL finds, and never the support rep', async () => {
    const { result, rows } = await collected({
      type: 'access',
      identities: [{ type: 'email', value: ` ${LUIS.toUpperCase()} ` }],
    });
    const expected = await handCounts(`lower(c.${n.email}) = ?`, LUIS);
    expect(result.status).toBe('completed');
    expect(Object.fromEntries(Object.entries(result.collections).map(([k, v]) => [k, v.rows]))).toEqual(
      expected,
    );
    expect(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length]))).toEqual(expected);
    expect(expected[n.line]).toBeGreaterThan(30);
    expect(Object.keys(rows)).not.toContain(n.employee);
    expect(result.plan.excluded).toContainEqual(
      expect.objectContaining({ name: n.employee, reason: 'other_subject' }),
    );
  });

  it('finds a customer by phone in E.164, whatever the column’s spacing and trunk prefix', async () => {
    // The scan proposes email as the identity; the map's owner adds the phone.
    const withPhone = {
      ...dataset,
      collections: dataset.collections.map((c) =>
        c.name !== n.customer
          ? c
          : {
              ...c,
              fields: c.fields.map((f) =>
                f.name.toLowerCase() !== 'phone'
                  ? f
                  : { ...f, fides_meta: { ...f.fides_meta, identity: 'phone_number' } },
              ),
            },
      ),
    };
    const original = dataset;
    dataset = withPhone;
    const { result } = await collected({
      type: 'access',
      identities: [{ type: 'phone', value: '+49 711 2842222' }],
    });
    expect(result.collections[n.customer]?.rows).toBe(1);
    dataset = original;
    expect(result.collections[n.invoice]?.rows).toBe((await handCounts(`c.${n.id} = ?`, '2'))[n.invoice]);
  });

  it('erases every personal field of the subject and nothing of anyone else', async () => {
    const others = async () => sql.query(`SELECT * FROM ${n.customer} WHERE ${n.id} <> 1 ORDER BY ${n.id}`);
    const employees = async () => sql.query(`SELECT * FROM ${n.employee} ORDER BY 1`);
    const lines = async () => sql.query(`SELECT count(*) AS n FROM ${n.line}`);
    const [before] = await sql.query(`SELECT * FROM ${n.customer} WHERE ${n.id} = 1`);
    const othersBefore = await others();
    const employeesBefore = await employees();
    const linesBefore = await lines();
    const expected = await handCounts(`c.${n.id} = ?`, '1');

    const result = await run({
      type: 'erasure',
      identities: [{ type: 'email', value: LUIS }],
      actor: 'test',
    });
    expect(result.status).toBe('completed');
    expect(result.collections[n.customer]).toMatchObject({ rows: 1, masked: 1, deleted: 0, kept: 0 });
    expect(result.collections[n.invoice]).toMatchObject({
      rows: expected[n.invoice],
      masked: expected[n.invoice],
    });
    expect(result.collections[n.line]).toMatchObject({
      rows: expected[n.line],
      masked: 0,
      kept: expected[n.line],
    });

    const [after] = (await sql.query(`SELECT * FROM ${n.customer} WHERE ${n.id} = 1`)) as [Row];
    const customerStep = result.plan.steps.find((s) => s.collection === n.customer);
    const maskedFields = customerStep?.fields.filter((f) => f.action === 'mask').map((f) => f.name) ?? [];
    expect(maskedFields.length).toBeGreaterThanOrEqual(10);
    for (const field of maskedFields) {
      if (before?.[field] !== null) expect(after[field], field).not.toEqual(before?.[field]);
      if (!(customerStep?.fields.find((f) => f.name === field)?.shape.nullable ?? true))
        expect(after[field], field).not.toBeNull();
    }
    expect(JSON.stringify(after)).not.toContain('embraer');
    expect(after[n.rep]).toEqual(before?.[n.rep]);
    expect(await others()).toEqual(othersBefore);
    expect(await employees()).toEqual(employeesBefore);
    expect(await lines()).toEqual(linesBefore);
    const invoices = await sql.query(`SELECT * FROM ${n.invoice} WHERE ${n.id} = 1`);
    expect(invoices).toHaveLength(expected[n.invoice] ?? -1);
    for (const invoice of invoices)
      expect(Object.entries(invoice).filter(([k, v]) => /^billing/i.test(k) && v !== null)).toEqual([]);
    expect((await handCounts(`lower(c.${n.email}) = ?`, LUIS))[n.customer]).toBe(0);
  });
});
