import type { LegalBasis, SpecialCategoryCondition } from './legal-bases.ts';

/** The three fideslang taxonomies Privet uses, by the name of their key in the data map. */
export const taxonomyKinds = ['data_category', 'data_use', 'data_subject'] as const;
export type TaxonomyKind = (typeof taxonomyKinds)[number];

/** Which rule of the GDPR makes a data category sensitive: Art. 9 special categories or Art. 10 offence data. */
export const sensitivityKinds = ['art9', 'art10'] as const;
export type Sensitivity = (typeof sensitivityKinds)[number];

/** One key of a taxonomy: fideslang's default or a custom extension stored by the organisation. */
export interface TaxonomyEntry {
  /** Dotted fides key, e.g. `user.contact.email`; a child's key starts with its parent's. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly parentKey: string | null;
  /** True for an organisation's extension, false for the fideslang default. */
  readonly custom: boolean;
  /** Set for data categories that are sensitive themselves or through an ancestor. */
  readonly sensitivity: Sensitivity | null;
}

/** The merged vocabulary a data map is checked against. */
export interface Taxonomy {
  readonly dataCategories: readonly TaxonomyEntry[];
  readonly dataUses: readonly TaxonomyEntry[];
  readonly dataSubjects: readonly TaxonomyEntry[];
  readonly legalBases: readonly LegalBasis[];
  readonly specialCategoryConditions: readonly SpecialCategoryCondition[];
}

/** The entries of one kind. */
export function entriesOf(taxonomy: Taxonomy, kind: TaxonomyKind): readonly TaxonomyEntry[] {
  if (kind === 'data_category') return taxonomy.dataCategories;
  if (kind === 'data_use') return taxonomy.dataUses;
  return taxonomy.dataSubjects;
}

/** Looks one key up; undefined when the taxonomy does not know it. */
export function findEntry(taxonomy: Taxonomy, kind: TaxonomyKind, key: string): TaxonomyEntry | undefined {
  return entriesOf(taxonomy, kind).find((entry) => entry.key === key);
}

/** The entry's name, or the key itself when unknown (so a label never disappears from a report). */
export function labelOf(taxonomy: Taxonomy, kind: TaxonomyKind, key: string): string {
  return findEntry(taxonomy, kind, key)?.name ?? key;
}
