import { describe, expect, it } from 'vitest';
import { createEntryNamer } from './entry-namer.ts';

describe('createEntryNamer', () => {
  it('makes one safe, unique path segment per name', () => {
    const name = createEntryNamer();
    expect(name('demo_shop', 'customers')).toBe('demo_shop/customers');
    expect(name('demo_shop', 'customers')).toBe('demo_shop/customers-2');
    expect(name('demo_shop', 'Customers')).toBe('demo_shop/Customers-3');
    expect(name('../etc', 'pass/wd')).toBe('.._etc/pass_wd');
    expect(name('..', '.')).toBe('__/_');
    expect(name('crm', 'Kündigungen löschen')).toBe('crm/Kündigungen_löschen');
    expect(name('', 'a\\b:c')).toBe('_/a_b_c');
  });
});
