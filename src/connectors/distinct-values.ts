import { scalarText } from './scalar-text.ts';

/** A value's identity for de-duplication: `1`, `1n` and `'1'` are one key value, as databases compare them. */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Uint8Array) return `bytes:${Buffer.from(value).toString('hex')}`;
  if (typeof value === 'object') return `json:${JSON.stringify(value)}`;
  return `v:${scalarText(value)}`;
}

/** The values without nulls and duplicates (by `valueKey`), first occurrence kept, order kept. */
export function distinctValues(values: Iterable<unknown>): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of values) {
    if (value === null || value === undefined) continue;
    const key = valueKey(value);
    if (!seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()];
}
