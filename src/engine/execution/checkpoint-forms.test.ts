// Checkpoints are stored by column; what comes back through the JSON text is what went in: row order, bigints,
// bytes, null, values that look alike but differ in type, and the distinct values found from the rows.
import { describe, expect, it } from 'vitest';
import { fromStoredCapture, toStoredCapture, type CapturedRows } from '../collect/captured-rows.ts';
import { fromStoredChange, toStoredChange } from '../erasure/update-columns.ts';
import type { PreparedChange } from '../erasure/prepared-change.ts';
import { parseState, stringifyState } from './state-json.ts';

const roundTrip = <T>(value: T): T => parseState<T>(stringifyState(value));

describe('checkpoint forms', () => {
  it('keeps captured rows and their distinct values', () => {
    const captured: CapturedRows = {
      count: 4,
      rows: [
        { id: 1n, ref: 'a', tag: Buffer.from('x') },
        { id: 2n, ref: null, tag: Buffer.from('y') },
        { id: 3n, ref: 'a', tag: Buffer.from('x') },
        { id: 4n, ref: 'b', tag: null },
      ],
      values: { ref: ['a', 'b'] },
    };
    const back = fromStoredCapture(roundTrip(toStoredCapture(captured)));
    expect(back.count).toBe(4);
    expect(back.rows).toEqual(captured.rows);
    expect(back.values.ref).toEqual(['a', 'b']);
    expect(back.values.id).toEqual([1n, 2n, 3n, 4n]);
    expect(back.values.tag).toEqual([Buffer.from('x'), Buffer.from('y')]);
    // A count-only capture, and a checkpoint written before columns.
    expect(fromStoredCapture(roundTrip(toStoredCapture({ count: 7, rows: [], values: {} })))).toEqual({
      count: 7,
      rows: [],
      values: {},
    });
    expect(fromStoredCapture({ count: 1, rows: [{ id: 1 }], values: { id: [1] } })).toEqual({
      count: 1,
      rows: [{ id: 1 }],
      values: { id: [1] },
    });
  });

  it('keeps prepared updates in order, one value per field where every row has it', () => {
    const shared = { a: null, b: 'fixed' };
    const prepared: PreparedChange = {
      updates: [
        { key: { id: 1 }, set: shared },
        { key: { id: 2 }, set: shared },
        { key: { id: 3 }, set: { a: 1, c: '1' } },
        { key: { id: 4 }, set: { a: '1', c: '1' } },
        { key: { k1: 5, k2: 'x' }, set: { c: Buffer.from('z') } },
      ],
      deletes: [{ id: 9 }],
      fallback: [{ key: { id: 9 }, set: { a: null } }],
      result: { dataset: 'd', status: 'done', rows: 6, masked: 5, deleted: 1, kept: 0, reasons: [] },
    };
    const stored = toStoredChange(prepared);
    expect(stored.updateColumns?.[0]?.set).toEqual({ a: { one: null }, b: { one: 'fixed' } });
    expect(stored.updateColumns?.[1]?.set).toEqual({ a: { each: [1, '1'] }, c: { one: '1' } });
    expect(stored.updateColumns?.[2]?.key).toEqual({ k1: [5], k2: ['x'] });
    const back = fromStoredChange(roundTrip(stored));
    expect(back).toEqual(prepared);
    // A checkpoint written before columns.
    expect(fromStoredChange(roundTrip(prepared))).toEqual(prepared);
  });
});
