import { describe, expect, it } from 'vitest';
import type { TableInfo } from '../../connectors/introspection.ts';
import { referenceDirections } from './reference-direction.ts';

const table = (name: string, refs: string[] = []): TableInfo => ({
  name,
  columns: [],
  primaryKey: ['id'],
  indexes: [],
  foreignKeys: refs.map((to) => ({
    name: `${name}_${to}`,
    columns: [`${to}_id`],
    referencedTable: to,
    referencedColumns: ['id'],
  })),
});

describe('referenceDirections', () => {
  const customer = table('customer', ['employee', 'address']);
  const employee = table('employee', ['employee']);
  const invoice = table('invoice', ['customer']);
  const line = table('invoice_line', ['invoice', 'track']);
  const track = table('track', ['genre']);
  const direction = referenceDirections([
    { table: customer, hasIdentity: true },
    { table: employee, hasIdentity: true },
    { table: invoice, hasIdentity: false },
    { table: line, hasIdentity: false },
    { table: track, hasIdentity: false },
    { table: table('address'), hasIdentity: false },
    { table: table('genre'), hasIdentity: false },
  ]);
  const of = (t: TableInfo, to: string) => {
    const fk = t.foreignKeys.find((f) => f.referencedTable === to);
    if (fk === undefined) throw new Error('no such key');
    return direction(t, fk);
  };

  it('lets a request flow from the identity down to the rows that point at it', () => {
    expect(of(invoice, 'customer')).toBe('from');
    expect(of(line, 'invoice')).toBe('from');
  });

  it('follows keys to lookups and catalogues', () => {
    expect(of(line, 'track')).toBe('to');
    expect(of(track, 'genre')).toBe('to');
    expect(of(customer, 'address')).toBe('to');
  });

  it('never lets a customer request walk into another identity table, nor loop on a self-reference', () => {
    expect(of(customer, 'employee')).toBe('from');
    expect(of(employee, 'employee')).toBe('to');
  });

  it('terminates on cycles', () => {
    const a = table('a', ['b']);
    const b = table('b', ['a']);
    const cyclic = referenceDirections([
      { table: a, hasIdentity: true },
      { table: b, hasIdentity: false },
    ]);
    expect(cyclic(b, b.foreignKeys[0]!)).toBe('from');
    expect(cyclic(a, a.foreignKeys[0]!)).toBe('from');
  });
});
