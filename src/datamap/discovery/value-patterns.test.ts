import { describe, expect, it } from 'vitest';
import { passesLuhn } from './luhn.ts';
import {
  isCardNumber,
  isDistinctivePostalCode,
  isEmail,
  isIban,
  isIpAddress,
  isNationalId,
  isPhoneNumber,
  isPlausibleBirthDate,
  isPostalCodeLike,
  isRegionLike,
} from './value-patterns.ts';

describe('value patterns', () => {
  it('emails', () => {
    for (const v of ['luisg@embraer.com.br', 'k1.o+tag@example.co.uk']) expect(isEmail(v)).toBe(true);
    for (const v of ['not an email', 'a@b', '@example.com', 'a b@example.com'])
      expect(isEmail(v)).toBe(false);
  });

  it('phone numbers: international, E.164 and national formats, not ids, dates or amounts', () => {
    for (const v of [
      '+55 (12) 3923-5555',
      '+49 0711 2842222',
      '+14155552671',
      '(555) 123-4567',
      '020 7946 0958',
    ])
      expect(isPhoneNumber(v), v).toBe(true);
    for (const v of ['123456789', '2021-01-01', '12227-000', '123-45-6789', '+0123456789', '42', '1.98'])
      expect(isPhoneNumber(v), v).toBe(false);
  });

  it('card numbers need the Luhn check', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(isCardNumber('4111 1111 1111 1111')).toBe(true);
    expect(isCardNumber('5500-0000-0000-0004')).toBe(true);
    expect(isCardNumber('4111111111111112')).toBe(false);
    expect(isCardNumber('123456789')).toBe(false);
    // Luhn-valid but no card network starts with 1.
    expect(isCardNumber('1111111111111117')).toBe(false);
  });

  it('national ids: US SSN (issued ranges only) and UK NINO', () => {
    expect(isNationalId('123-45-6789')).toBe(true);
    for (const v of ['000-12-3456', '666-12-3456', '912-12-3456', '123-00-4567', '123-45-0000', '123456789'])
      expect(isNationalId(v), v).toBe(false);
    expect(isNationalId('AB 12 34 56 C')).toBe(true);
    expect(isNationalId('QQ123456C')).toBe(false);
    expect(isNationalId('BG 12 34 56 C')).toBe(false);
  });

  it('IBANs with their check digits', () => {
    expect(isIban('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isIban('DE89370400440532013000')).toBe(true);
    expect(isIban('DE89370400440532013001')).toBe(false);
  });

  it('IPv4 and IPv6 addresses', () => {
    for (const v of ['192.0.2.1', '2001:db8::1', '::1']) expect(isIpAddress(v)).toBe(true);
    for (const v of ['256.1.1.1', '1', '1.2.3', 'example.com']) expect(isIpAddress(v)).toBe(false);
  });

  it('postal codes: distinctive formats, and anything plausible to back a name', () => {
    for (const v of ['H2G 1A7', 'SW1A 1AA', '12227-000', '1016 EH', '94105-1234'])
      expect(isDistinctivePostalCode(v), v).toBe(true);
    for (const v of ['70174', 'hello', '1.98']) expect(isDistinctivePostalCode(v), v).toBe(false);
    for (const v of ['70174', '00-950', 'T5K 2N1']) expect(isPostalCodeLike(v), v).toBe(true);
    expect(isPostalCodeLike('hello')).toBe(false);
  });

  it('regions, but not workflow states', () => {
    for (const v of ['SP', 'QC', 'Dublin', 'New South Wales']) expect(isRegionLike(v), v).toBe(true);
    for (const v of ['pending', 'Shipped', 'a1']) expect(isRegionLike(v), v).toBe(false);
  });

  it('dates of birth: past dates within a human life, at midnight', () => {
    const today = new Date('2026-06-01T00:00:00Z');
    for (const v of ['1962-02-18 00:00:00', '1958/12/8', '2001-07-04', '1973-08-29T00:00:00Z'])
      expect(isPlausibleBirthDate(v, today), v).toBe(true);
    for (const v of ['2027-01-01', '1890-01-01', '2020-01-01 13:45:00', '1962-13-01', 'yesterday'])
      expect(isPlausibleBirthDate(v, today), v).toBe(false);
  });
});
