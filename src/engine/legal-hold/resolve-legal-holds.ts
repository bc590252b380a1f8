import type { ErrorIssue } from '../../domain/errors.ts';
import type { FidesCollection } from '../../datamap/fides-dataset.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';
import type { LegalHold } from './legal-hold.ts';

/** A personal field of a collection with its data categories. */
export interface PersonalField {
  readonly name: string;
  readonly categories: readonly string[];
}

function under(category: string, parent: string): boolean {
  return category === parent || category.startsWith(`${parent}.`);
}

function entries(value: unknown): Record<string, unknown>[] {
  const list = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return list.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
}

/**
 * The legal holds of a collection, declared as `x-privet.legal_hold: {purpose, date_field?, fields?}` (or a
 * list of them). The named purpose must have legal basis 6.1.c; its retention period applies. Held fields: the
 * listed ones, else the personal fields whose categories fall under the purpose's categories (all personal
 * fields when it lists none). Problems are issues, and an unusable hold holds nothing.
 */
export function resolveLegalHolds(
  collection: FidesCollection,
  personal: readonly PersonalField[],
  purposes: readonly Purpose[],
  path: string,
): { holds: LegalHold[]; issues: ErrorIssue[] } {
  const extension: Readonly<Record<string, unknown>> = collection['x-privet'] ?? {};
  const holds: LegalHold[] = [];
  const issues: ErrorIssue[] = [];
  for (const [i, entry] of entries(extension.legal_hold).entries()) {
    const at = `${path}.x-privet.legal_hold[${i}]`;
    const key = typeof entry.purpose === 'string' ? entry.purpose : '';
    const purpose = purposes.find((p) => p.key === key);
    if (purpose === undefined) {
      issues.push({
        code: 'legal_hold_unknown_purpose',
        path: at,
        message: `${at}: no purpose "${key}" in the data map`,
      });
      continue;
    }
    if (purpose.legalBasis !== '6.1.c') {
      const message = `${at}: purpose "${key}" is not a legal obligation (6.1.c), so it holds nothing`;
      issues.push({ code: 'legal_hold_not_obligation', path: at, message });
      continue;
    }
    const listed = Array.isArray(entry.fields)
      ? entry.fields.filter((f): f is string => typeof f === 'string')
      : undefined;
    const fields = personal
      .filter((f) =>
        listed !== undefined
          ? listed.includes(f.name)
          : purpose.dataCategories.length === 0 ||
            f.categories.some((c) => purpose.dataCategories.some((p) => under(c, p))),
      )
      .map((f) => f.name);
    const dateField = typeof entry.date_field === 'string' ? entry.date_field : undefined;
    holds.push({
      purpose: purpose.key,
      purposeName: purpose.name,
      retention: purpose.retentionPeriod,
      ...(dateField === undefined ? {} : { dateField }),
      fields,
    });
  }
  return { holds, issues };
}
