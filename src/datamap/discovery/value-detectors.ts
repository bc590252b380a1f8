import {
  isCardNumber,
  isDistinctivePostalCode,
  isEmail,
  isIban,
  isIpAddress,
  isNationalId,
  isPhoneNumber,
} from './value-patterns.ts';

/** A test that, when most sampled values pass it, proposes a category even if the column's name says nothing. */
export interface ValueDetector {
  readonly category: string;
  /** What matching values are, in a reason: "18/20 sampled values are email addresses". */
  readonly label: string;
  readonly test: (value: string) => boolean;
}

/** The distinctive value shapes, most specific first (a national id also looks like a phone number). */
export const valueDetectors: readonly ValueDetector[] = [
  { category: 'user.contact.email', label: 'email addresses', test: isEmail },
  { category: 'user.financial.credit_card', label: 'card numbers (Luhn-valid)', test: isCardNumber },
  { category: 'user.financial.bank_account', label: 'IBANs', test: isIban },
  {
    category: 'user.government_id.national_identification_number',
    label: 'national ids (SSN/NINO)',
    test: isNationalId,
  },
  { category: 'user.device.ip_address', label: 'IP addresses', test: isIpAddress },
  { category: 'user.contact.phone_number', label: 'phone numbers', test: isPhoneNumber },
  { category: 'user.contact.address.postal_code', label: 'postal codes', test: isDistinctivePostalCode },
];

/** The detector most sampled values pass, with how many passed; undefined when there are no samples. */
export function bestValueMatch(
  values: readonly string[],
): { readonly detector: ValueDetector; readonly matches: number } | undefined {
  let best: { detector: ValueDetector; matches: number } | undefined;
  for (const detector of valueDetectors) {
    const matches = values.filter((v) => detector.test(v)).length;
    if (matches > 0 && (best === undefined || matches > best.matches)) best = { detector, matches };
  }
  return best;
}
