import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadMariadbSample,
  loadPostgresSample,
  loadSampleScript,
  loadSqliteSample,
} from '../../../test/support/load-sample-database.ts';
import { sampleScripts } from '../../../test/support/sample-datasets.ts';
import type { TestDatabase } from '../../../test/support/test-stores.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import { fixedClock } from '../../domain/clock.ts';
import { checkDatasetGraph } from '../dataset-graph/check-dataset-graph.ts';
import type { FidesCollection, FidesDataset, FidesField } from '../fides-dataset.ts';
import { exportFidesYaml } from '../fides-yaml/export-fides-yaml.ts';
import { parseFidesYaml } from '../fides-yaml/parse-fides-yaml.ts';
import { isPersonalCategory } from './category-proposal.ts';
import { scanDatabase, type ScanResult } from './scan-database.ts';

// Chinook spells its names `invoice_line` (PostgreSQL) or `InvoiceLine` (SQLite, MySQL); compare them plainly.
const plain = (name: string) => name.replace(/_/g, '').toLowerCase();
const collection = (dataset: FidesDataset, name: string): FidesCollection => {
  const found = dataset.collections.find((c) => plain(c.name) === plain(name));
  if (found === undefined) throw new Error(`no collection ${name}`);
  return found;
};
const field = (c: FidesCollection, name: string): FidesField => {
  const found = c.fields.find((f) => plain(f.name) === plain(name));
  if (found === undefined) throw new Error(`no field ${c.name}.${name}`);
  return found;
};
const referencesOf = (c: FidesCollection) =>
  c.fields.flatMap((f) =>
    (f.fides_meta?.references ?? []).map((r) => ({ from: plain(`${c.name}.${f.name}`), ...r })),
  );

const dialects = [
  { name: 'SQLite', load: () => loadSampleScript(loadSqliteSample, sampleScripts.chinookSqlite) },
  { name: 'PostgreSQL', load: () => loadSampleScript(loadPostgresSample, sampleScripts.chinookPostgres) },
  { name: 'MariaDB', load: () => loadSampleScript(loadMariadbSample, sampleScripts.chinookMysql) },
] as const;

const signal = new AbortController().signal;
const deps = { openIntrospector, clock: fixedClock('2026-06-01T00:00:00Z') };

describe.each(dialects)('scan of Chinook on $name', ({ load }) => {
  let database: TestDatabase;
  let result: ScanResult;
  let dataset: FidesDataset;

  beforeAll(async () => {
    database = await load();
    result = await scanDatabase(deps, { url: database.url }, signal);
    dataset = result.dataset;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('proposes customer.email as user.contact.email and as the email identity', () => {
    const email = field(collection(dataset, 'customer'), 'email');
    expect(email.data_categories).toEqual(['user.contact.email']);
    expect(email.fides_meta?.identity).toBe('email');
    expect(email['x-privet']?.confidence).toBeGreaterThanOrEqual(0.9);
    expect(email['x-privet']?.reason).toMatch(/sampled values agree/);
  });

  it('proposes the other personal columns of a customer', () => {
    const customer = collection(dataset, 'customer');
    expect(field(customer, 'first_name').data_categories).toEqual(['user.name.first']);
    expect(field(customer, 'phone').data_categories).toEqual(['user.contact.phone_number']);
    expect(field(customer, 'fax').data_categories).toEqual(['user.contact.fax_number']);
    expect(field(customer, 'postal_code').data_categories).toEqual(['user.contact.address.postal_code']);
    expect(field(customer, 'customer_id').fides_meta).toMatchObject({
      primary_key: true,
      data_type: 'integer',
    });
    expect(field(customer, 'email').fides_meta).toMatchObject({ data_type: 'string', length: 60 });
    expect(customer['x-privet']).toEqual({ personal: true });
  });

  it('turns invoice → customer and invoice_line → invoice into references', () => {
    expect(referencesOf(collection(dataset, 'invoice'))).toContainEqual({
      from: 'invoice.customerid',
      dataset: dataset.fides_key,
      field: `${collection(dataset, 'customer').name}.${field(collection(dataset, 'customer'), 'customer_id').name}`,
      direction: 'from',
    });
    expect(referencesOf(collection(dataset, 'invoice_line'))).toContainEqual({
      from: 'invoiceline.invoiceid',
      dataset: dataset.fides_key,
      field: `${collection(dataset, 'invoice').name}.${field(collection(dataset, 'invoice'), 'invoice_id').name}`,
      direction: 'from',
    });
    expect(field(collection(dataset, 'invoice'), 'customer_id').data_categories).toEqual(['user.unique_id']);
  });

  it('marks employee as another data subject, and does not take its id for the customer’s', () => {
    const employee = collection(dataset, 'employee');
    expect(employee['x-privet']).toEqual({ data_subject: 'employee', personal: true });
    expect(field(employee, 'birth_date').data_categories).toEqual(['user.demographic.date_of_birth']);
    expect(referencesOf(employee).map((r) => r.field.toLowerCase())).toContain(
      `${employee.name}.${field(employee, 'employee_id').name}`.toLowerCase(),
    );
    const supportRep = field(collection(dataset, 'customer'), 'support_rep_id');
    expect(supportRep.data_categories).toEqual(['system.operations']);
    expect(supportRep['x-privet']?.reason).toMatch(/another kind of person \(employee\)/);
    expect(collection(dataset, 'customer')['x-privet']?.data_subject).toBeUndefined();
  });

  it('marks genre, media type and the rest of the catalogue not personal', () => {
    for (const name of ['genre', 'media_type', 'artist', 'album', 'track', 'playlist', 'playlist_track']) {
      const c = collection(dataset, name);
      expect(c['x-privet'], name).toEqual({ personal: false });
      expect(c.fields.flatMap((f) => f.data_categories ?? []).filter(isPersonalCategory), name).toEqual([]);
    }
  });

  it('summarises tables, personal columns, identities and other subjects', () => {
    const s = result.summary;
    expect(s.tables).toBe(11);
    expect(s.identities.map((i) => plain(i.field)).sort()).toEqual(['customer.email', 'employee.email']);
    expect(s.otherSubjects.map((o) => plain(o.collection))).toEqual(['employee']);
    expect(s.linkedTables.map(plain)).toEqual(['invoiceline']);
    expect(s.notPersonalTables.map(plain).sort()).toEqual(
      ['album', 'artist', 'genre', 'mediatype', 'playlist', 'playlisttrack', 'track'].sort(),
    );
    expect(s.personalColumns).toBeGreaterThan(25);
  });

  it('writes YAML that imports back to the same dataset, with every personal table reachable', () => {
    const parsed = parseFidesYaml(exportFidesYaml([dataset]), 'scan.yml');
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(parsed.datasets).toEqual([dataset]);
    const unreachable = checkDatasetGraph([dataset])
      .filter((i) => i.code.includes('unreachable'))
      .map((i) => i.message);
    for (const name of ['customer', 'invoice', 'invoice_line', 'employee'])
      expect(unreachable.join('\n')).not.toMatch(new RegExp(`\\b${collection(dataset, name).name}\\b`));
  });
});
