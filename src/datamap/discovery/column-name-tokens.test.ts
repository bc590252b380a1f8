import { describe, expect, it } from 'vitest';
import { nameTokens, singular } from './column-name-tokens.ts';

describe('nameTokens', () => {
  it('splits snake_case, PascalCase, camelCase, acronyms and key patterns', () => {
    expect(nameTokens('first_name')).toEqual(['first', 'name']);
    expect(nameTokens('FirstName')).toEqual(['first', 'name']);
    expect(nameTokens('emailAddress')).toEqual(['email', 'address']);
    expect(nameTokens('EMAIL_ADDRESS')).toEqual(['email', 'address']);
    expect(nameTokens('IPAddress')).toEqual(['ip', 'address']);
    expect(nameTokens('BillingPostalCode')).toEqual(['billing', 'postal', 'code']);
    expect(nameTokens('customer:*:profile')).toEqual(['customer', 'profile']);
    expect(nameTokens('address2')).toEqual(['address2']);
  });

  it('singularises plural table and column names', () => {
    expect(['employees', 'addresses', 'categories', 'staff', 'status', 'emails'].map(singular)).toEqual([
      'employee',
      'address',
      'category',
      'staff',
      'status',
      'email',
    ]);
  });
});
