import { callingCode } from './calling-code.ts';

/** A phone number in E.164 form, split into its country calling code and national significant number. */
export interface E164Phone {
  readonly e164: string;
  readonly countryCode: string;
  readonly national: string;
}

// Countries whose leading 0 belongs to the number itself, so `+39 06…` keeps it.
const KEEPS_LEADING_ZERO = new Set(['39', '378', '379']);

/**
 * Reads a phone number written internationally (`+44 20 7946 0958`, `0044 (0)20 7946-0958`) into E.164; a
 * national number needs `defaultCallingCode`. Undefined when it cannot be a valid E.164 number.
 */
export function normalisePhone(input: string, defaultCallingCode?: string): E164Phone | undefined {
  let text = input.trim().replace(/\(0\)/g, '');
  if (text.length > 64 || !/^[+\d\s().\-/]+$/.test(text)) return undefined;
  text = text.replace(/[\s().\-/]/g, '');
  let digits: string;
  if (text.startsWith('+')) digits = text.slice(1);
  else if (text.startsWith('00')) digits = text.slice(2);
  else if (defaultCallingCode !== undefined) digits = defaultCallingCode + text.replace(/^0/, '');
  else return undefined;
  if (!/^[1-9]\d{6,14}$/.test(digits)) return undefined;
  const countryCode = callingCode(digits);
  let national = digits.slice(countryCode.length);
  // `+49 0711 …` writes the national trunk prefix after the country code; E.164 has no such 0.
  if (national.startsWith('0') && !KEEPS_LEADING_ZERO.has(countryCode)) national = national.slice(1);
  if (national.length < 4) return undefined;
  return { e164: `+${countryCode}${national}`, countryCode, national };
}

/**
 * The forms a stored number can take once everything but digits and `+` is removed: E.164, the `00`
 * international prefix, and either written with the trunk 0 after the country code. Numbers stored without
 * any country code are not matched: the same digits can be another person's number in another country.
 */
export function phoneCandidates(phone: E164Phone): string[] {
  const { countryCode: cc, national } = phone;
  return [
    ...new Set([`+${cc}${national}`, `00${cc}${national}`, `+${cc}0${national}`, `00${cc}0${national}`]),
  ];
}
