import { describe, expect, it } from 'vitest';
import { toJsonValue } from './to-json-value.ts';

describe('toJsonValue', () => {
  it('types database values for JSON', () => {
    expect(
      toJsonValue({
        n: 1.5,
        big: 12345678901234567890n,
        at: new Date('2026-01-02T03:04:05.678Z'),
        bad: new Date('nope'),
        bin: Buffer.from('hi\u0000'),
        bytes: new Uint8Array([1, 2, 3]),
        nan: Number.NaN,
        inf: Number.POSITIVE_INFINITY,
        none: undefined,
        nil: null,
        nested: { list: [1n, new Date(0)], set: new Set(['a']), map: new Map([[1, 'x']]) },
        decimal: { toJSON: () => '10.50' },
        fn: () => 1,
      }),
    ).toEqual({
      n: 1.5,
      big: '12345678901234567890',
      at: '2026-01-02T03:04:05.678Z',
      bad: null,
      bin: 'aGkA',
      bytes: 'AQID',
      nan: 'NaN',
      inf: 'Infinity',
      none: null,
      nil: null,
      nested: { list: ['1', '1970-01-01T00:00:00.000Z'], set: ['a'], map: { '1': 'x' } },
      decimal: '10.50',
      fn: null,
    });
  });

  it('keeps a column named __proto__ as a field of the row, not its prototype', () => {
    const row = JSON.parse('{"__proto__": {"polluted": true}, "id": 1}') as Record<string, unknown>;
    const value = toJsonValue(row) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'id']);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":true},"id":1}');
  });

  it('writes a cycle as text instead of overflowing the stack', () => {
    const row: Record<string, unknown> = { id: 1 };
    row.self = row;
    expect(JSON.stringify(toJsonValue(row))).toContain('[nested too deeply]');
  });
});
