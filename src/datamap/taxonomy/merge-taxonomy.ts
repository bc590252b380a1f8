import type { DefaultTaxonomy, FideslangEntry } from './load-default-taxonomy.ts';
import { defaultSensitiveCategories, inheritedSensitivity } from './special-categories.ts';
import type { Sensitivity, Taxonomy, TaxonomyEntry, TaxonomyKind } from './taxonomy.ts';

/** A custom taxonomy key stored by the organisation. */
export interface TaxonomyExtension {
  readonly kind: TaxonomyKind;
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly parentKey: string | null;
  /** Only for data categories: marks a custom category (and its descendants) as Art. 9 or Art. 10 data. */
  readonly sensitivity: Sensitivity | null;
}

function fromFideslang(entry: FideslangEntry): TaxonomyEntry {
  return {
    key: entry.fides_key,
    name: entry.name,
    description: entry.description,
    parentKey: entry.parent_key ?? null,
    custom: false,
    sensitivity: null,
  };
}

function fromExtension(extension: TaxonomyExtension): TaxonomyEntry {
  return {
    key: extension.key,
    name: extension.name,
    description: extension.description,
    parentKey: extension.parentKey,
    custom: true,
    sensitivity: null,
  };
}

function mergeKind(
  defaults: readonly FideslangEntry[],
  extensions: readonly TaxonomyExtension[],
  kind: TaxonomyKind,
): TaxonomyEntry[] {
  const own = extensions.filter((e) => e.kind === kind);
  const known = new Set(defaults.map((d) => d.fides_key));
  // A default key always wins: an extension can add keys, never redefine fideslang's.
  return [...defaults.map(fromFideslang), ...own.filter((e) => !known.has(e.key)).map(fromExtension)];
}

/** Merges the shipped taxonomy with the organisation's extensions and marks sensitive data categories. */
export function mergeTaxonomy(defaults: DefaultTaxonomy, extensions: readonly TaxonomyExtension[]): Taxonomy {
  const marked = new Map<string, Sensitivity>(Object.entries(defaultSensitiveCategories));
  for (const extension of extensions) {
    if (extension.kind === 'data_category' && extension.sensitivity !== null) {
      marked.set(extension.key, extension.sensitivity);
    }
  }
  const dataCategories = mergeKind(defaults.dataCategories, extensions, 'data_category').map((entry) => ({
    ...entry,
    sensitivity: inheritedSensitivity(entry.key, marked),
  }));
  return {
    dataCategories,
    dataUses: mergeKind(defaults.dataUses, extensions, 'data_use'),
    dataSubjects: mergeKind(defaults.dataSubjects, extensions, 'data_subject'),
    legalBases: defaults.legalBases,
    specialCategoryConditions: defaults.specialCategoryConditions,
  };
}
