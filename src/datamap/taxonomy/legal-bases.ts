// The lawful bases of GDPR Art. 6(1) and the conditions of Art. 9(2) are fixed by the regulation, so their
// codes live here; their DPV names, IRIs and definitions are read from the DPV 2.3 files in ./data.

/** GDPR Art. 6(1)(a)–(f), written as Privet stores them. */
export const legalBasisCodes = ['6.1.a', '6.1.b', '6.1.c', '6.1.d', '6.1.e', '6.1.f'] as const;
export type LegalBasisCode = (typeof legalBasisCodes)[number];

/** GDPR Art. 9(2)(a)–(j): the conditions under which special category data may be processed. */
export const specialConditionCodes = [
  '9.2.a',
  '9.2.b',
  '9.2.c',
  '9.2.d',
  '9.2.e',
  '9.2.f',
  '9.2.g',
  '9.2.h',
  '9.2.i',
  '9.2.j',
] as const;
export type SpecialConditionCode = (typeof specialConditionCodes)[number];

/** The words a privacy notice uses for each lawful basis (the ICO's and EDPB's usual short names). */
export const legalBasisPlainNames: Readonly<Record<LegalBasisCode, string>> = {
  '6.1.a': 'Consent',
  '6.1.b': 'Performance of a contract with you',
  '6.1.c': 'Compliance with a legal obligation',
  '6.1.d': 'Protection of vital interests',
  '6.1.e': 'A task in the public interest or official authority',
  '6.1.f': 'Our legitimate interests',
};

/** A lawful basis with its DPV concept. */
export interface LegalBasis {
  readonly code: LegalBasisCode;
  /** `Art. 6(1)(a) GDPR`. */
  readonly article: string;
  readonly plainName: string;
  /** The DPV term, e.g. `A6-1-a`, and its label, e.g. `Art.6(1-a) consent`. */
  readonly dpvTerm: string;
  readonly dpvLabel: string;
  /** The DPV label without its article, e.g. `consent`, `legal obligation`: the record's name for it. */
  readonly dpvName: string;
  readonly dpvIri: string;
  readonly definition: string;
}

/** An Art. 9(2) condition with its DPV concept. */
export interface SpecialCategoryCondition {
  readonly code: SpecialConditionCode;
  /** `Art. 9(2)(a) GDPR`. */
  readonly article: string;
  readonly dpvTerm: string;
  readonly dpvLabel: string;
  /** E.g. `explicit consent`, `health & medicine`. */
  readonly dpvName: string;
  readonly dpvIri: string;
  readonly definition: string;
}

/** True when the string is an Art. 6(1) code. */
export function isLegalBasisCode(value: string): value is LegalBasisCode {
  return (legalBasisCodes as readonly string[]).includes(value);
}

/** True when the string is an Art. 9(2) code. */
export function isSpecialConditionCode(value: string): value is SpecialConditionCode {
  return (specialConditionCodes as readonly string[]).includes(value);
}

/** `6.1.a` → `A6-1-a`, the DPV term of the GDPR extension. */
export function dpvTermOf(code: LegalBasisCode | SpecialConditionCode): string {
  return `A${code.replaceAll('.', '-')}`;
}

/** `6.1.a` → `Art. 6(1)(a) GDPR`. */
export function articleOf(code: LegalBasisCode | SpecialConditionCode): string {
  const [article, paragraph, point] = code.split('.');
  return `Art. ${article}(${paragraph})(${point}) GDPR`;
}
