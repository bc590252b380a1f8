import { describe, expect, it } from 'vitest';
import type { FidesCollection } from '../../datamap/fides-dataset.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';
import { addDuration } from './add-duration.ts';
import { holdReason } from './legal-hold.ts';
import { resolveLegalHolds } from './resolve-legal-holds.ts';

const purpose = (key: string, fields: Partial<Purpose>): Purpose =>
  ({
    key,
    name: key,
    legalBasis: '6.1.c',
    dataCategories: [],
    retentionPeriod: 'P10Y',
    ...fields,
  }) as Purpose;

const invoice: FidesCollection = {
  name: 'invoice',
  fields: [],
  'x-privet': {
    legal_hold: { purpose: 'invoicing', date_field: 'invoice_date' },
  } as unknown as NonNullable<FidesCollection['x-privet']>,
};
const personal = [
  { name: 'billing_address', categories: ['user.contact.address.street'] },
  { name: 'billing_city', categories: ['user.contact.address.city'] },
  { name: 'note', categories: ['user.content'] },
];

describe('legal holds', () => {
  it('holds the fields under the purpose’s categories until the period from the row’s date ends', () => {
    const purposes = [purpose('invoicing', { name: 'Invoicing', dataCategories: ['user.contact.address'] })];
    const { holds, issues } = resolveLegalHolds(invoice, personal, purposes, 'invoice');
    expect(issues).toEqual([]);
    expect(holds).toEqual([
      {
        purpose: 'invoicing',
        purposeName: 'Invoicing',
        retention: 'P10Y',
        dateField: 'invoice_date',
        fields: ['billing_address', 'billing_city'],
      },
    ]);
    const hold = holds[0];
    if (hold === undefined) throw new Error('no hold');
    const now = new Date('2026-06-01T00:00:00Z');
    expect(holdReason(hold, { invoice_date: '2020-01-01 00:00:00' }, now)).toBe(
      'legal obligation: Invoicing (invoicing), retained until 2030-01-01',
    );
    expect(holdReason(hold, { invoice_date: '2009-01-01' }, now)).toBeUndefined();
    expect(holdReason(hold, { invoice_date: 'garbage' }, now)).toMatch(/date unreadable/);
  });

  it('holds nothing for a purpose that is not a legal obligation or does not exist, and says why', () => {
    const consent = [purpose('invoicing', { legalBasis: '6.1.a' })];
    expect(resolveLegalHolds(invoice, personal, consent, 'invoice')).toMatchObject({
      holds: [],
      issues: [{ code: 'legal_hold_not_obligation' }],
    });
    expect(resolveLegalHolds(invoice, personal, [], 'invoice').issues[0]?.code).toBe(
      'legal_hold_unknown_purpose',
    );
  });

  it('adds ISO durations in UTC', () => {
    expect(addDuration(new Date('2020-01-31T00:00:00Z'), 'P1Y1M')?.toISOString()).toBe(
      '2021-03-03T00:00:00.000Z',
    );
    expect(addDuration(new Date('2020-01-01T00:00:00Z'), 'P2W1DT12H')?.toISOString()).toBe(
      '2020-01-16T12:00:00.000Z',
    );
    expect(addDuration(new Date('2020-01-01T00:00:00Z'), 'ten years')).toBeUndefined();
  });
});
