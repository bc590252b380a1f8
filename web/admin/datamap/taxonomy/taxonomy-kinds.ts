/** The three vocabularies an organisation may extend, as the API names them and as people do. */
export const taxonomyKindChoices = [
  { value: 'data_category', label: 'Data category', list: 'dataCategories' },
  { value: 'data_use', label: 'Data use (purpose)', list: 'dataUses' },
  { value: 'data_subject', label: 'Data subject', list: 'dataSubjects' },
] as const;

/** One of `data_category`, `data_use`, `data_subject`. */
export type TaxonomyKindValue = (typeof taxonomyKindChoices)[number]['value'];

/** The choice for a kind (the first, data categories, for anything unknown). */
export function kindChoice(kind: string): (typeof taxonomyKindChoices)[number] {
  return taxonomyKindChoices.find((k) => k.value === kind) ?? taxonomyKindChoices[0];
}
