import { describe, expect, it } from 'vitest';
import { classifyColumn, type ColumnEvidence } from './classify-column.ts';

const today = new Date('2026-06-01T00:00:00Z');
const column = (name: string, more: Partial<ColumnEvidence> = {}): ColumnEvidence => ({
  name,
  type: 'varchar(60)',
  values: [],
  aboutPeople: true,
  ...more,
});
const categoryOf = (name: string, more: Partial<ColumnEvidence> = {}) =>
  classifyColumn(column(name, more), today)?.category;

describe('classifyColumn by name', () => {
  it.each([
    ['email', 'user.contact.email'],
    ['Email', 'user.contact.email'],
    ['EmailAddress', 'user.contact.email'],
    ['alt_email', 'user.contact.email'],
    ['first_name', 'user.name.first'],
    ['FirstName', 'user.name.first'],
    ['LastName', 'user.name.last'],
    ['phone', 'user.contact.phone_number'],
    ['Phone', 'user.contact.phone_number'],
    ['mobile_number', 'user.contact.phone_number'],
    ['Fax', 'user.contact.fax_number'],
    ['Address', 'user.contact.address.street'],
    ['BillingAddress', 'user.contact.address.street'],
    ['City', 'user.contact.address.city'],
    ['State', 'user.contact.address.state'],
    ['PostalCode', 'user.contact.address.postal_code'],
    ['zip', 'user.contact.address.postal_code'],
    ['Country', 'user.contact.address.country'],
    ['birth_date', 'user.demographic.date_of_birth'],
    ['BirthDate', 'user.demographic.date_of_birth'],
    ['dob', 'user.demographic.date_of_birth'],
    ['ip_address', 'user.device.ip_address'],
    ['IPAddress', 'user.device.ip_address'],
    ['card_number', 'user.financial.credit_card'],
    ['ssn', 'user.government_id.national_identification_number'],
    ['national_id', 'user.government_id.national_identification_number'],
    ['passport_no', 'user.government_id.passport_number'],
    ['iban', 'user.financial.bank_account'],
    ['password_hash', 'user.authorization.password'],
    ['username', 'user.account.username'],
    ['gender', 'user.demographic.gender'],
    ['Title', 'user.job_title'],
    ['Company', 'user.workplace'],
    ['name', 'user.name'],
  ])('%s → %s', (name, category) => {
    expect(categoryOf(name)).toBe(category);
  });

  it('needs a table about people for context-dependent names', () => {
    for (const name of ['name', 'Title', 'City', 'Country', 'State', 'url'])
      expect(categoryOf(name, { aboutPeople: false }), name).toBeUndefined();
    expect(categoryOf('Email', { aboutPeople: false })).toBe('user.contact.email');
    expect(categoryOf('PostalCode', { aboutPeople: false })).toBe('user.contact.address.postal_code');
  });

  it('ignores flags, references and qualifiers of personal data', () => {
    expect(categoryOf('email_verified', { type: 'boolean' })).toBeUndefined();
    expect(categoryOf('email_verified', { type: 'tinyint(1)' })).toBeUndefined();
    expect(categoryOf('address_id', { type: 'integer' })).toBeUndefined();
    expect(categoryOf('phone_type')).toBeUndefined();
    expect(categoryOf('email', { type: 'integer' })).toBeUndefined();
    expect(categoryOf('hire_date', { type: 'timestamp' })).toBeUndefined();
    expect(categoryOf('Composer')).toBeUndefined();
    expect(categoryOf('device_id')).toBe('user.device.device_id');
  });
});

describe('classifyColumn with sampled values', () => {
  it('raises confidence when the values agree and says so', () => {
    const named = classifyColumn(column('Email'), today);
    const backed = classifyColumn(
      column('Email', { values: ['a@example.com', 'b@example.com', 'c@example.org', 'd@x.io', 'e@y.de'] }),
      today,
    );
    expect(backed?.confidence).toBeGreaterThan(named?.confidence ?? 1);
    expect(backed?.reason).toMatch(/5\/5 sampled values agree/);
  });

  it('lowers confidence when the values do not look like the name says', () => {
    const doubted = classifyColumn(
      column('ccn', { type: 'bigint', values: ['123456789', '987654321', '373719391'] }),
      today,
    );
    expect(doubted?.category).toBe('user.financial.credit_card');
    expect(doubted?.confidence).toBeLessThan(0.6);
    expect(doubted?.reason).toMatch(/only 0\/3/);
  });

  it('finds personal values behind names that say nothing', () => {
    const contact = classifyColumn(
      column('contact', {
        aboutPeople: false,
        values: ['ada@example.com', 'bob@example.org', 'eve@example.net'],
      }),
      today,
    );
    expect(contact).toMatchObject({ category: 'user.contact.email' });
    expect(contact?.reason).toMatch(/3\/3 sampled values are email addresses/);
    expect(
      categoryOf('pan_token', {
        aboutPeople: false,
        values: ['4111111111111111', '5500000000000004', '340000000000009'],
      }),
    ).toBe('user.financial.credit_card');
    expect(
      categoryOf('x', { aboutPeople: false, values: ['123-45-6789', '234-56-7890', '345-67-8901'] }),
    ).toBe('user.government_id.national_identification_number');
    expect(
      categoryOf('last_seen_from', {
        aboutPeople: false,
        values: ['192.0.2.1', '2001:db8::2', '198.51.100.3'],
      }),
    ).toBe('user.device.ip_address');
    expect(
      categoryOf('reference', {
        aboutPeople: false,
        values: ['+14155552671', '+442079460958', '+33142685300'],
      }),
    ).toBe('user.contact.phone_number');
  });

  it('trusts clear values over a misleading name', () => {
    const proposal = classifyColumn(
      column('phone', { values: ['ada@example.com', 'bob@example.org', 'eve@example.net'] }),
      today,
    );
    expect(proposal?.category).toBe('user.contact.email');
    expect(proposal?.reason).toMatch(/although the name suggests a phone number/);
  });

  it('drops a `state` that holds workflow states, and takes a date of birth only from plausible dates', () => {
    expect(categoryOf('state', { values: ['pending', 'shipped', 'paid', 'pending'] })).toBeUndefined();
    expect(categoryOf('state', { values: ['SP', 'QC', 'NY'] })).toBe('user.contact.address.state');
    const dob = classifyColumn(
      column('BirthDate', {
        type: 'datetime',
        values: [
          '1962-02-18 00:00:00',
          '1958-12-08 00:00:00',
          '1973-08-29 00:00:00',
          '1947-09-19 00:00:00',
          '1965-03-03 00:00:00',
        ],
      }),
      today,
    );
    expect(dob?.confidence).toBeGreaterThan(0.9);
    expect(categoryOf('invoice_date', { type: 'datetime', values: ['2009-01-01 00:00:00'] })).toBeUndefined();
  });

  it('proposes nothing for plain ids, amounts and dates', () => {
    expect(categoryOf('quantity', { type: 'integer', values: ['1', '2', '3'] })).toBeUndefined();
    expect(categoryOf('total', { type: 'numeric(10,2)', values: ['1.98', '13.86'] })).toBeUndefined();
    expect(
      categoryOf('bytes', { type: 'integer', values: ['11170334', '5510424', '3990994'] }),
    ).toBeUndefined();
  });
});
