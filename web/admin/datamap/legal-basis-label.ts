import {
  articleOf,
  isLegalBasisCode,
  legalBasisPlainNames,
} from '../../../src/datamap/taxonomy/legal-bases.ts';

/** `6.1.f` → `Art. 6(1)(f) GDPR: Our legitimate interests`; null → `none yet`. */
export function legalBasisLabel(code: string | null): string {
  if (code === null) return 'none yet';
  if (!isLegalBasisCode(code)) return code;
  return `${articleOf(code)}: ${legalBasisPlainNames[code]}`;
}
