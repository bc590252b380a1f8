import { describe, expect, it } from 'vitest';
import type { FidesCollection, FidesDataset, FidesField, FidesReference } from '../fides-dataset.ts';
import { fidesExampleDatasetFiles, readFidesExample } from '../fides-yaml/fides-examples.fixture.ts';
import { parseFidesYaml } from '../fides-yaml/parse-fides-yaml.ts';
import { checkDatasetGraph } from './check-dataset-graph.ts';

const field = (name: string, meta: FidesField['fides_meta'] = {}): FidesField => ({ name, fides_meta: meta });
const ref = (target: string, direction?: 'from' | 'to'): FidesReference => ({
  dataset: 'shop',
  field: target,
  ...(direction === undefined ? {} : { direction }),
});
const shop = (collections: FidesCollection[]): FidesDataset => ({ fides_key: 'shop', collections });
const codes = (datasets: FidesDataset[]) =>
  checkDatasetGraph(datasets).map((i) => `${i.severity} ${i.code} ${i.path}`);

// customer (identity) ← orders (from customer.id) → address (to address.id)
const base = (): FidesCollection[] => [
  { name: 'customer', fields: [field('id', { primary_key: true }), field('email', { identity: 'email' })] },
  {
    name: 'orders',
    fields: [
      field('id'),
      field('customer_id', { references: [ref('customer.id', 'from')] }),
      field('address_id'),
    ],
  },
  { name: 'address', fields: [field('id'), field('geo', {})] },
];

describe('checkDatasetGraph', () => {
  it('finds nothing wrong in the Fides examples taken together', () => {
    const datasets = fidesExampleDatasetFiles
      .filter((file) => !file.startsWith('src_')) // the same dataset as data_dataset_postgres_…, shipped twice
      .flatMap((file) => parseFidesYaml(readFidesExample(file), file).datasets);
    expect(datasets.length).toBe(7);
    expect(checkDatasetGraph(datasets)).toEqual([]);
  });

  it('reports references to a missing dataset, collection or field as errors with their path', () => {
    const collections = base();
    collections[1] = {
      name: 'orders',
      fields: [
        field('customer_id', {
          references: [
            ref('customer.id', 'from'),
            { dataset: 'nowhere', field: 'customer.id' },
            ref('customers.id', 'to'),
            ref('customer.idx', 'to'),
          ],
        }),
        { name: 'doc', fields: [field('inner', { references: [ref('address.geo.lat')] })] },
      ],
    };
    const issues = checkDatasetGraph([shop(collections)]);
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'reference_missing_dataset shop:collections[1].fields[0].fides_meta.references[1]',
      'reference_missing_collection shop:collections[1].fields[0].fides_meta.references[2]',
      'reference_missing_field shop:collections[1].fields[0].fides_meta.references[3]',
      'reference_missing_field shop:collections[1].fields[1].fields[0].fides_meta.references[0]',
      'unreachable_collection shop:collections[2]',
    ]);
    expect(issues[2]).toMatchObject({
      severity: 'error',
      dataset: 'shop',
      collection: 'orders',
      message:
        'orders.customer_id refers to shop.customer.idx, but collection "shop.customer" has no field "idx"',
    });
  });

  it('resolves references to nested fields', () => {
    const collections = base();
    collections[2] = { name: 'address', fields: [field('id'), { name: 'geo', fields: [field('lat')] }] };
    collections.push({
      name: 'pin',
      fields: [field('lat', { references: [ref('address.geo.lat', 'from')] })],
    });
    collections[1] = {
      ...collections[1]!,
      fields: [...collections[1]!.fields, field('address_id', { references: [ref('address.id', 'to')] })],
    };
    expect(codes([shop(collections)])).toEqual([]);
  });

  it('warns about collections that no identity reaches, except skipped ones and catalogues', () => {
    const collections = [
      ...base(),
      { name: 'audit', fields: [field('id')], fides_meta: { skip_processing: true } },
      { name: 'genre', fields: [field('id')], 'x-privet': { personal: false } },
    ];
    expect(codes([shop(collections)])).toEqual(['warning unreachable_collection shop:collections[2]']);
  });

  it('follows references in their direction only, and undirected ones both ways', () => {
    const collections = base();
    // `to` from address towards orders does not let a request reach address from orders.
    collections[2] = {
      name: 'address',
      fields: [field('id', { references: [ref('orders.address_id', 'to')] })],
    };
    expect(codes([shop(collections)])).toEqual(['warning unreachable_collection shop:collections[2]']);
    collections[2] = { name: 'address', fields: [field('id', { references: [ref('orders.address_id')] })] };
    expect(codes([shop(collections)])).toEqual([]);
  });

  it('rejects cycles in after and erase_after, and missing collections there', () => {
    const collections = base();
    collections[0] = {
      ...collections[0]!,
      fides_meta: { after: ['shop.orders'], erase_after: ['shop.customer'] },
    };
    collections[1] = { ...collections[1]!, fides_meta: { after: ['shop.customer', 'shop.gone'] } };
    const issues = checkDatasetGraph([shop(collections)]);
    expect(issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual([
      'error after_missing_collection shop:collections[1].fides_meta.after[1]',
      'error after_cycle shop:collections[0]',
      'error erase_after_cycle shop:collections[0]',
      'warning unreachable_collection shop:collections[2]',
    ]);
    expect(issues[1]?.message).toBe('collections shop.customer, shop.orders wait for each other (after)');
    expect(issues[2]?.message).toBe('collection shop.customer refers to itself (erase_after_cycle)');
  });

  it('reports reference cycles as warnings, not errors', () => {
    const collections = base();
    collections[0] = {
      ...collections[0]!,
      fields: [...collections[0]!.fields, field('last_order', { references: [ref('orders.id', 'from')] })],
    };
    const issues = checkDatasetGraph([shop(collections)]);
    expect(issues.filter((i) => i.code === 'reference_cycle')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'shop:collections[0]',
        message: 'collections shop.customer, shop.orders reference each other',
      }),
    ]);
    expect(issues.some((i) => i.severity === 'error')).toBe(false);
  });

  it('warns about identities without an index when the caller knows, and stays quiet when it does not', () => {
    const asked: string[] = [];
    const issues = checkDatasetGraph([shop(base())], {
      hasIndex: (at) => {
        asked.push(`${at.dataset}.${at.collection}.${at.field}:${at.identity}`);
        return false;
      },
    });
    expect(asked).toEqual(['shop.customer.email:email']);
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'unreachable_collection shop:collections[2]',
      'identity_without_index shop:collections[0].fields[1]',
    ]);
    expect(checkDatasetGraph([shop(base())], { hasIndex: () => undefined }).map((i) => i.code)).toEqual([
      'unreachable_collection',
    ]);
  });

  it('reports duplicate datasets and collections', () => {
    const collections = [...base(), { name: 'customer', fields: [] }];
    expect(codes([shop(collections), shop([])]).slice(0, 2)).toEqual([
      'error duplicate_collection shop:collections[3]',
      'error duplicate_dataset shop',
    ]);
  });

  it('resolves after addresses whose dataset key holds dots', () => {
    const dotted: FidesDataset = {
      fides_key: 'crm.v2',
      collections: [
        {
          name: 'lead',
          fields: [field('email', { identity: 'email' })],
          fides_meta: { after: ['crm.v2.lead2'] },
        },
        { name: 'lead2', fields: [field('email', { identity: 'email' })] },
      ],
    };
    expect(checkDatasetGraph([dotted])).toEqual([]);
  });
});
