import type { LegalBasisCode } from '../../datamap/taxonomy/legal-bases.ts';
import type { DecisionModel } from './decision-model.ts';

/** How a basis is decided: what the subject's state can change about it. */
export type BasisKind = 'consent' | 'objectable' | 'fixed' | 'none';

/** A purpose compiled for the hot path: everything that does not depend on the subject, worked out once. */
export interface PurposeRule {
  readonly purpose: string;
  readonly purposeKey: string | null;
  readonly dataUse: string;
  readonly basis: LegalBasisCode | null;
  readonly basisKind: BasisKind;
  /** The keys consent events may use for it: the data-map key and the data use. */
  readonly ledgerKeys: readonly string[];
  /** Keys a limit or a notice may name to cover it: those, plus every parent of the data use. */
  readonly coverKeys: ReadonlySet<string>;
  /** Direct marketing: an objection to it is absolute (Art. 21(3)). */
  readonly directMarketing: boolean;
  /** Sale or sharing: GPC and any opt-out stop it whatever the basis. */
  readonly saleOrSharing: boolean;
  /** With no state, limit or notice against it, the answer is this. */
  readonly fixedReason:
    | 'legitimate_interest'
    | 'public_task'
    | 'contract'
    | 'legal_obligation'
    | 'vital_interests'
    | 'strictly_necessary'
    | 'no_legal_basis'
    | null;
}

const fixedReasons = {
  '6.1.b': 'contract',
  '6.1.c': 'legal_obligation',
  '6.1.d': 'vital_interests',
} as const;

function parents(dataUse: string): string[] {
  const parts = dataUse.split('.');
  return parts.map((_, i) => parts.slice(0, i + 1).join('.'));
}

function isSaleOrSharing(dataUse: string): boolean {
  return (
    dataUse === 'third_party_sharing' ||
    dataUse.startsWith('third_party_sharing.') ||
    dataUse.startsWith('marketing.advertising.third_party')
  );
}

function rule(
  purpose: string,
  purposeKey: string | null,
  dataUse: string,
  basis: LegalBasisCode | null,
  gpcOptOut: boolean,
  required: boolean,
): PurposeRule {
  const ledgerKeys = [...new Set(purposeKey === null ? [dataUse] : [purposeKey, dataUse])];
  const basisKind: BasisKind =
    basis === '6.1.a'
      ? 'consent'
      : basis === '6.1.e' || basis === '6.1.f'
        ? 'objectable'
        : basis === null
          ? required
            ? 'fixed'
            : 'none'
          : 'fixed';
  return {
    purpose,
    purposeKey,
    dataUse,
    basis,
    basisKind,
    ledgerKeys,
    coverKeys: new Set([...ledgerKeys, ...parents(dataUse)]),
    directMarketing: dataUse === 'marketing' || dataUse.startsWith('marketing.'),
    saleOrSharing: gpcOptOut || isSaleOrSharing(dataUse),
    fixedReason:
      basis === '6.1.f'
        ? 'legitimate_interest'
        : basis === '6.1.e'
          ? 'public_task'
          : basis === null
            ? required
              ? 'strictly_necessary'
              : 'no_legal_basis'
            : basis === '6.1.a'
              ? null
              : fixedReasons[basis],
  };
}

/**
 * Compiles the model into one rule per key a caller may ask by: each data-map purpose by its key, each data
 * use by the purpose using it (a controller's before a processor's, then by key), and each banner category's
 * data use that the data map lacks, as consent (optional category) or strictly necessary (required one).
 */
export function compilePurposeRules(model: DecisionModel): Map<string, PurposeRule> {
  const gpcUses = new Set(model.categories.filter((c) => c.gpcOptOut).map((c) => c.purposeKey));
  const rules = new Map<string, PurposeRule>();
  const sorted = [...model.purposes].sort(
    (a, b) =>
      Number(a.actingAs !== 'controller') - Number(b.actingAs !== 'controller') || a.key.localeCompare(b.key),
  );
  for (const p of sorted) {
    const gpc = gpcUses.has(p.key) || gpcUses.has(p.dataUse);
    rules.set(p.key, rule(p.key, p.key, p.dataUse, p.basis, gpc, false));
  }
  for (const p of sorted) {
    if (rules.has(p.dataUse)) continue;
    const gpc = gpcUses.has(p.key) || gpcUses.has(p.dataUse);
    rules.set(p.dataUse, rule(p.dataUse, p.key, p.dataUse, p.basis, gpc, false));
  }
  for (const c of model.categories) {
    if (rules.has(c.purposeKey)) continue;
    const basis = c.required ? null : '6.1.a';
    rules.set(c.purposeKey, rule(c.purposeKey, null, c.purposeKey, basis, c.gpcOptOut, c.required));
  }
  return rules;
}
