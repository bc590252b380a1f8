import { describe, expect, it } from 'vitest';
import { keyTemplate } from './key-template.ts';

describe('keyTemplate', () => {
  it('reads placeholders out of keys and puts them back', () => {
    const t = keyTemplate('shop:visit:{customer_id}:{at}');
    expect(t.glob).toBe('shop:visit:*:*');
    expect(t.fields).toEqual(['customer_id', 'at']);
    expect(t.parse('shop:visit:42:2026-01-01')).toEqual({ customer_id: '42', at: '2026-01-01' });
    expect(t.parse('shop:order:42:x')).toBeUndefined();
    expect(t.format({ customer_id: 42, at: 'x' })).toBe('shop:visit:42:x');
    expect(t.format({ customer_id: 42 })).toBeUndefined();
  });

  it('treats a name without braces as a glob, escaping nothing it does not need to', () => {
    const t = keyTemplate('session:*');
    expect(t.glob).toBe('session:*');
    expect(t.parse('session:abc')).toEqual({});
    expect(t.parse('other:abc')).toBeUndefined();
    const literal = keyTemplate('odd*name:{id}');
    expect(literal.glob).toBe('odd\\*name:*');
    expect(literal.parse('odd*name:1')).toEqual({ id: '1' });
    expect(literal.parse('oddXname:1')).toBeUndefined();
  });
});
