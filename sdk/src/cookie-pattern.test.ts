import { describe, expect, it } from 'vitest';
import { cookieDomains, cookiePaths, cookiePattern } from './cookie-pattern.ts';

describe('cookie patterns', () => {
  it('matches whole names, with * as any run of characters', () => {
    expect(cookiePattern('_ga').test('_ga')).toBe(true);
    expect(cookiePattern('_ga').test('_gat')).toBe(false);
    expect(cookiePattern('_ga_*').test('_ga_XYZ123')).toBe(true);
    expect(cookiePattern('_ga_*').test('_ga')).toBe(false);
    // A dot in a pattern is a dot, not any character.
    expect(cookiePattern('a.b').test('axb')).toBe(false);
  });

  it('lists host-only, the host and its parent domains, never the bare top-level domain', () => {
    expect(cookieDomains('shop.example.com')).toEqual(['', 'shop.example.com', 'example.com']);
    expect(cookieDomains('localhost')).toEqual(['']);
    expect(cookieDomains('127.0.0.1')).toEqual(['']);
    expect(cookieDomains('[::1]')).toEqual(['']);
  });

  it('lists / and every folder above the page, with and without the trailing slash', () => {
    expect(cookiePaths('/')).toEqual(['/']);
    expect(cookiePaths('/shop/cart/view')).toEqual([
      '/',
      '/shop',
      '/shop/',
      '/shop/cart',
      '/shop/cart/',
      '/shop/cart/view',
    ]);
  });
});
