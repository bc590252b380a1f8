import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostgresSample, loadSampleScript } from '../../../test/support/load-sample-database.ts';
import { sampleScripts } from '../../../test/support/sample-datasets.ts';
import type { TestDatabase } from '../../../test/support/test-stores.ts';
import { openIntrospector } from '../../connectors/open-introspector.ts';
import { fixedClock } from '../../domain/clock.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { scanDatabase } from './scan-database.ts';

const signal = new AbortController().signal;
const deps = { openIntrospector, clock: fixedClock('2026-06-01T00:00:00Z') };

const identities = (dataset: FidesDataset) =>
  dataset.collections.flatMap((c) =>
    c.fields.flatMap((f) =>
      f.fides_meta?.identity === undefined ? [] : [`${c.name}.${f.name}:${f.fides_meta.identity}`],
    ),
  );

describe('scan of the Fides sample shop (PostgreSQL, no foreign keys)', () => {
  let database: TestDatabase;
  let dataset: FidesDataset;

  beforeAll(async () => {
    database = await loadSampleScript(loadPostgresSample, sampleScripts.fidesShopPostgres);
    dataset = (await scanDatabase(deps, { url: database.url }, signal)).dataset;
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('proposes an email identity on every table with an email column, and only there', () => {
    const withEmail = dataset.collections
      .filter((c) => c.fields.some((f) => /email/.test(f.name)))
      .map((c) => c.name)
      .sort();
    expect(withEmail).toEqual([
      'customer',
      'dynamic_email_address_config',
      'employee',
      'report',
      'service_request',
      'visit',
    ]);
    expect(identities(dataset).sort()).toEqual([
      'customer.email:email',
      'dynamic_email_address_config.email_address:email',
      'employee.email:email',
      'report.email:email',
      'service_request.email:email',
      'visit.email:email',
    ]);
  });

  it('categorises the address, card and customer columns, and leaves products alone', () => {
    const categories = (table: string) =>
      Object.fromEntries(
        dataset.collections
          .find((c) => c.name === table)
          ?.fields.map((f) => [f.name, f.data_categories?.[0]]) ?? [],
      );
    expect(categories('address')).toMatchObject({
      street: 'user.contact.address.street',
      city: 'user.contact.address.city',
      state: 'user.contact.address.state',
      zip: 'user.contact.address.postal_code',
    });
    expect(categories('customer')).toMatchObject({
      id: 'user.unique_id',
      email: 'user.contact.email',
      name: 'user.name',
    });
    expect(categories('service_request')).toMatchObject({
      alt_email: 'user.contact.email',
      employee_id: 'system.operations',
    });
    expect(categories('orders')).toMatchObject({ customer_id: 'user.unique_id' });
    expect(categories('payment_card')).toMatchObject({ ccn: 'user.financial.credit_card' });
    expect(Object.values(categories('product'))).toEqual(Array(5).fill('system.operations'));
    expect(dataset.collections.find((c) => c.name === 'product')?.['x-privet']).toEqual({ personal: false });
    expect(dataset.collections.find((c) => c.name === 'employee')?.['x-privet']).toEqual({
      data_subject: 'employee',
      personal: true,
    });
  });

  it('proposes composite primary keys', () => {
    const visit = dataset.collections.find((c) => c.name === 'visit');
    expect(visit?.fields.filter((f) => f.fides_meta?.primary_key).map((f) => f.name)).toEqual([
      'email',
      'last_visit',
    ]);
  });

  it('scans another schema when the URL names it', async () => {
    const backup = (await scanDatabase(deps, { url: `${database.url}?schema=backup_schema` }, signal))
      .dataset;
    expect(backup.fides_key).toMatch(/_backup_schema$/);
    expect(backup.fides_meta).toEqual({ namespace: { schema: 'backup_schema' } });
    expect(identities(backup)).toContain('customer.email:email');
  });
});
