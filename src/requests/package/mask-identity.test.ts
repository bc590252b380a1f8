import { describe, expect, it } from 'vitest';
import { maskIdentity } from './mask-identity.ts';

describe('maskIdentity', () => {
  it('hides most of each identity', () => {
    expect(maskIdentity('jane.doe@example.com')).toBe('j***@example.com');
    expect(maskIdentity(' Jürgen@例え.jp ')).toBe('J***@例え.jp');
    expect(maskIdentity('+4930123456789')).toBe('+4***89');
    expect(maskIdentity('LOY-42')).toBe('L***');
    expect(maskIdentity('ab')).toBe('***');
  });
});
