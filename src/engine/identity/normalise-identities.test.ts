import { describe, expect, it } from 'vitest';
import { callingCode } from './calling-code.ts';
import { normaliseIdentities } from './normalise-identities.ts';
import { normalisePhone, phoneCandidates } from './normalise-phone.ts';

describe('normalisePhone', () => {
  it('reads international numbers in their usual spellings into E.164', () => {
    for (const written of [
      '+44 20 7946 0958',
      '0044 20 7946 0958',
      '+44 (0)20 7946-0958',
      '+44 020 7946 0958',
    ])
      expect(normalisePhone(written)?.e164, written).toBe('+442079460958');
    expect(normalisePhone('+1 (780) 434-4554')?.e164).toBe('+17804344554');
    expect(normalisePhone('+49 0711 2842222')?.e164).toBe('+497112842222');
    expect(normalisePhone('+39 06 1234 5678')?.e164).toBe('+390612345678');
    expect(normalisePhone('+55 (12) 3923-5555')).toMatchObject({ countryCode: '55', national: '1239235555' });
    expect(normalisePhone('+420 2 4172 5555')).toMatchObject({ countryCode: '420' });
  });

  it('needs a default country for national numbers and rejects what cannot be a number', () => {
    expect(normalisePhone('020 7946 0958')).toBeUndefined();
    expect(normalisePhone('020 7946 0958', '44')?.e164).toBe('+442079460958');
    for (const bad of ["' OR 1=1 --", '+1', '+0 123 456 789', 'x'.repeat(10_000), '+44 20 7946 0958 ext 12'])
      expect(normalisePhone(bad), bad).toBeUndefined();
  });

  it('offers the digit forms a stored number may take', () => {
    const phone = normalisePhone('+44 20 7946 0958');
    if (phone === undefined) throw new Error('unparsed');
    expect(phoneCandidates(phone)).toEqual([
      '+442079460958',
      '00442079460958',
      '+4402079460958',
      '004402079460958',
    ]);
  });

  it('splits calling codes of one, two and three digits', () => {
    expect(['1415', '7495', '4420', '3906', '3531', '9715', '8869'].map(callingCode)).toEqual([
      '1',
      '7',
      '44',
      '39',
      '353',
      '971',
      '886',
    ]);
  });
});

describe('normaliseIdentities', () => {
  it('trims and lower-cases emails, keeps custom ids exact, maps the phone alias', () => {
    const { identities, issues } = normaliseIdentities([
      { type: 'email', value: '  Ada@Example.COM ' },
      { type: 'phone', value: '+44 20 7946 0958' },
      { type: 'loyalty_id', value: 'CH-1' },
    ]);
    expect(issues).toEqual([]);
    expect(identities).toEqual([
      { type: 'email', value: 'ada@example.com', transform: 'lower_trim', candidates: ['ada@example.com'] },
      expect.objectContaining({ type: 'phone_number', value: '+442079460958', transform: 'phone_digits' }),
      { type: 'loyalty_id', value: 'CH-1', transform: 'exact', candidates: ['CH-1'] },
    ]);
  });

  it('reports unusable identities as issues', () => {
    const { identities, issues } = normaliseIdentities([
      { type: 'email', value: '  ' },
      { type: 'phone', value: 'call me' },
    ]);
    expect(identities).toEqual([]);
    expect(issues.map((i) => i.code)).toEqual(['empty_identity', 'invalid_phone']);
  });
});
