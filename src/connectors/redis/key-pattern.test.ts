import { describe, expect, it } from 'vitest';
import { keyPattern } from './key-pattern.ts';

describe('keyPattern', () => {
  it('turns id-like segments into *', () => {
    expect(keyPattern('customer:42')).toBe('customer:*');
    expect(keyPattern('customer:42:profile')).toBe('customer:*:profile');
    expect(keyPattern('session:3f2a9c1e-7b4d-4e2a-9f1c-0a1b2c3d4e5f')).toBe('session:*');
    expect(keyPattern('cart:ada@example.com')).toBe('cart:*');
    expect(keyPattern('token:AbCdEf0123456789xyz')).toBe('token:*');
    expect(keyPattern('sha:9f86d081884c7d65')).toBe('sha:*');
  });

  it('keeps words and escapes glob characters in them', () => {
    expect(keyPattern('config')).toBe('config');
    expect(keyPattern('feature:dark-mode')).toBe('feature:dark-mode');
    expect(keyPattern('odd:a*b?[c]')).toBe('odd:a\\*b\\?\\[c\\]');
  });
});
