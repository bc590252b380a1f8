import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord } from './csv-record.ts';

describe('csvRecord', () => {
  it('quotes every field, doubles quotes and ends with CRLF', () => {
    expect(csvRecord(['a', 'b "c"', '1,2', 'x\ny', ''])).toBe('"a","b ""c""","1,2","x\ny",""\r\n');
  });

  it('writes null as empty and nested values as JSON', () => {
    expect([null, 3, true, 'é', { a: [1] }].map(csvCell)).toEqual(['', '3', 'true', 'é', '{"a":[1]}']);
  });
});
