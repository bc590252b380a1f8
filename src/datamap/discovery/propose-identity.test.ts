import { describe, expect, it } from 'vitest';
import type { CategoryProposal } from './category-proposal.ts';
import { proposeIdentity } from './propose-identity.ts';

const col = (
  name: string,
  category: string,
  confidence = 0.9,
): { name: string; proposal: CategoryProposal } => ({
  name,
  proposal: { category, confidence, reason: 'test' },
});

describe('proposeIdentity', () => {
  it('picks the plainest email column', () => {
    expect(
      proposeIdentity([
        col('alt_email', 'user.contact.email', 0.98),
        col('email', 'user.contact.email', 0.9),
      ]),
    ).toEqual({ column: 'email', identity: 'email' });
    expect(proposeIdentity([col('EmailAddress', 'user.contact.email')])).toEqual({
      column: 'EmailAddress',
      identity: 'email',
    });
    expect(proposeIdentity([col('backup_email', 'user.contact.email')])).toEqual({
      column: 'backup_email',
      identity: 'email',
    });
  });

  it('prefers email over phone, and proposes a phone only where there is no email', () => {
    expect(
      proposeIdentity([col('phone', 'user.contact.phone_number'), col('email', 'user.contact.email')]),
    ).toEqual({ column: 'email', identity: 'email' });
    expect(
      proposeIdentity([col('mobile', 'user.contact.phone_number'), col('fax', 'user.contact.fax_number')]),
    ).toEqual({ column: 'mobile', identity: 'phone_number' });
  });

  it('proposes nothing from unsure or unrelated columns', () => {
    expect(proposeIdentity([col('email', 'user.contact.email', 0.4)])).toBeUndefined();
    expect(
      proposeIdentity([col('name', 'user.name'), col('fax', 'user.contact.fax_number')]),
    ).toBeUndefined();
  });
});
