import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FidesDataset } from '../datamap-types.ts';
import { importText, withDatasetKey, withFieldEdit } from './edit-scanned-dataset.ts';

const scanned: FidesDataset = {
  fides_key: 'shop',
  collections: [
    {
      name: 'customers',
      fields: [
        { name: 'id', data_categories: ['system.operations'], fides_meta: { primary_key: true } },
        { name: 'email', data_categories: ['user.contact.email'], fides_meta: { identity: 'email' } },
        { name: 'profile', fields: [{ name: 'nick', data_categories: ['system.operations'] }] },
      ],
    },
    {
      name: 'orders',
      fields: [
        {
          name: 'customer_id',
          fides_meta: { references: [{ dataset: 'shop', field: 'customers.id', direction: 'from' }] },
        },
        { name: 'other', fides_meta: { references: [{ dataset: 'crm', field: 'people.id' }] } },
      ],
    },
  ],
};

describe('editing a scanned dataset', () => {
  it('changes a category and an identity, nested fields too, without touching the original', () => {
    const edited = withFieldEdit(
      withFieldEdit(scanned, 'customers', 'email', { identity: null }),
      'customers',
      'profile.nick',
      { category: 'user.name' },
    );
    expect(edited.collections[0]?.fields[1]).toEqual({
      name: 'email',
      data_categories: ['user.contact.email'],
      fides_meta: {},
    });
    expect(edited.collections[0]?.fields[2]?.fields?.[0]?.data_categories).toEqual(['user.name']);
    expect(scanned.collections[0]?.fields[1]?.fides_meta?.identity).toBe('email');
    const again = withFieldEdit(edited, 'customers', 'id', { identity: 'loyalty_id' });
    expect(again.collections[0]?.fields[0]?.fides_meta).toEqual({
      primary_key: true,
      identity: 'loyalty_id',
    });
  });

  it('renames the dataset and its references to itself, not those to others', () => {
    const renamed = withDatasetKey(scanned, 'shop_db');
    expect(renamed.fides_key).toBe('shop_db');
    const refs = renamed.collections[1]?.fields.map((f) => f.fides_meta?.references?.[0]?.dataset);
    expect(refs).toEqual(['shop_db', 'crm']);
  });

  it('writes text the YAML import reads back to the same dataset', () => {
    expect(parse(importText(scanned))).toEqual({ dataset: [scanned] });
  });
});
