import type { ErrorIssue } from '../../domain/errors.ts';
import { normalisePhone, phoneCandidates } from './normalise-phone.ts';
import type { IdentityInput, SubjectIdentity } from './subject-identity.ts';

/** Identities made comparable, and the ones that could not be (as issues, not exceptions). */
export interface NormalisedIdentities {
  readonly identities: readonly SubjectIdentity[];
  readonly issues: readonly ErrorIssue[];
}

// The names people type for the Fides identity types.
const ALIASES: Readonly<Record<string, string>> = { phone: 'phone_number', mail: 'email' };

/** The Fides identity type for a name given on the command line or in a form (`phone` → `phone_number`). */
export function identityType(name: string): string {
  const type = name.trim().toLowerCase();
  return ALIASES[type] ?? type;
}

/**
 * Emails: trimmed and lower-cased, compared with the trimmed lower-cased column. Phones: E.164, compared with
 * the column's digits (see phoneCandidates). Other identities: compared exactly as given.
 */
export function normaliseIdentities(
  inputs: readonly IdentityInput[],
  options: { readonly defaultCallingCode?: string } = {},
): NormalisedIdentities {
  const identities: SubjectIdentity[] = [];
  const issues: ErrorIssue[] = [];
  for (const [index, input] of inputs.entries()) {
    const type = identityType(input.type);
    const path = `identities[${index}]`;
    if (type === 'email') {
      const value = input.value.trim().toLowerCase();
      if (value === '') issues.push({ code: 'empty_identity', path, message: 'The email is empty' });
      else identities.push({ type, value, transform: 'lower_trim', candidates: [value] });
    } else if (type === 'phone_number') {
      const phone = normalisePhone(input.value, options.defaultCallingCode);
      if (phone === undefined)
        issues.push({
          code: 'invalid_phone',
          path,
          message: 'The phone number is not in international form (+<country code> <number>)',
        });
      else
        identities.push({
          type,
          value: phone.e164,
          transform: 'phone_digits',
          candidates: phoneCandidates(phone),
        });
    } else if (input.value === '') {
      issues.push({ code: 'empty_identity', path, message: `The ${type} is empty` });
    } else identities.push({ type, value: input.value, transform: 'exact', candidates: [input.value] });
  }
  return { identities, issues };
}
