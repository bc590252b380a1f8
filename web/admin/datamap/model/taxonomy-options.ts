import type { SelectOption } from '../fields/select-field.tsx';
import type { Taxonomy } from '../datamap-types.ts';

/** Options for one fideslang vocabulary: the key, and its name for people. */
export function taxonomyOptions(
  taxonomy: Taxonomy | null,
  kind: 'dataCategories' | 'dataUses' | 'dataSubjects',
): SelectOption[] {
  return (taxonomy?.[kind] ?? []).map((entry) => ({
    value: entry.key,
    label: entry.name,
  }));
}
