// Tests on single sampled values. Each is deliberately narrow: a false "personal" costs a reviewer a glance, a
// pattern that fires on ids or dates would drown the real findings.
import { isIP } from 'node:net';
import { isValidIban } from './iban-checksum.ts';
import { passesLuhn } from './luhn.ts';

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** An email address. */
export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

const NATIONAL_PHONE = /^\(?0?\d{2,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,4}$/;

/** A phone number: international (`+55 (12) 3923-5555`, E.164) or a national format with 9–11 digits. */
export function isPhoneNumber(value: string): boolean {
  const text = value.trim();
  const digits = text.replace(/\D/g, '');
  if (!/^\+?[\d\s().-]+$/.test(text)) return false;
  if (text.startsWith('+')) return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0';
  // National numbers need a separator or a trunk 0, so plain ids and amounts do not pass.
  return digits.length >= 9 && digits.length <= 11 && /[\s().-]|^0/.test(text) && NATIONAL_PHONE.test(text);
}

/** A payment card number: 13–19 digits (spaces or dashes allowed), a known leading digit, Luhn-valid. */
export function isCardNumber(value: string): boolean {
  const text = value.trim();
  if (!/^\d[\d -]{11,22}\d$/.test(text)) return false;
  const digits = text.replace(/\D/g, '');
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && passesLuhn(digits);
}

/** A US social security number `AAA-GG-SSSS` with the ranges the SSA never issues excluded. */
export function isUsSsn(value: string): boolean {
  const match = /^(\d{3})-(\d{2})-(\d{4})$/.exec(value.trim());
  if (!match) return false;
  const [, area, group, serial] = match;
  return area !== '000' && area !== '666' && !area?.startsWith('9') && group !== '00' && serial !== '0000';
}

/** A UK National Insurance number, e.g. `QQ 12 34 56 C`. */
export function isUkNino(value: string): boolean {
  return /^(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]$/i.test(
    value.trim(),
  );
}

/** A national identification number Privet recognises by shape (US SSN, UK NINO). */
export function isNationalId(value: string): boolean {
  return isUsSsn(value) || isUkNino(value);
}

/** An IBAN with valid check digits. */
export function isIban(value: string): boolean {
  return isValidIban(value);
}

/** An IPv4 or IPv6 address (without a port). */
export function isIpAddress(value: string): boolean {
  return isIP(value.trim()) !== 0;
}

const DISTINCTIVE_POSTAL = [
  /^\d{5}-\d{4}$/, // US ZIP+4
  /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i, // Canada
  /^(GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})$/i, // United Kingdom
  /^\d{4} ?[A-Z]{2}$/, // Netherlands
  /^\d{5}-\d{3}$/, // Brazil
  /^\d{4}-\d{3}$/, // Portugal
  /^\d{2}-\d{3}$/, // Poland
];

/** A postal code in a format that is hard to mistake for anything else (ZIP+4, Canada, UK, NL, BR, PT, PL). */
export function isDistinctivePostalCode(value: string): boolean {
  return DISTINCTIVE_POSTAL.some((pattern) => pattern.test(value.trim()));
}

/** Anything a postal code could be (also plain `70174`); only used to back a column's name. */
export function isPostalCodeLike(value: string): boolean {
  const text = value.trim();
  return isDistinctivePostalCode(text) || /^(?=.*\d)[A-Z\d][A-Z\d -]{1,8}[A-Z\d]$/i.test(text);
}

const WORKFLOW_STATES = new Set(
  'active inactive pending open closed new done draft shipped paid cancelled canceled failed complete completed processing approved rejected enabled disabled deleted archived'.split(
    ' ',
  ),
);

/** A region as address columns hold it: `SP`, `QC`, `NY`, `Bavaria`, `New South Wales`, not `pending`. */
export function isRegionLike(value: string): boolean {
  const text = value.trim();
  if (WORKFLOW_STATES.has(text.toLowerCase())) return false;
  return /^[A-Z]{2,3}$/.test(text) || /^\p{Lu}[\p{L}.'-]*(?: [\p{L}.'-]+){0,3}$/u.test(text);
}

/** A date (optionally at midnight) that is 0–120 years before `today`: what a date of birth looks like. */
export function isPlausibleBirthDate(value: string, today: Date): boolean {
  const match =
    /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(
      value.trim(),
    );
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const age = today.getUTCFullYear() - year;
  return age >= 0 && age <= 120 && Date.UTC(year, month - 1, day) <= today.getTime();
}
