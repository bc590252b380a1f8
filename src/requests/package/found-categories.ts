import type { PackageDataMap, PackagedCollection } from './package-input.ts';
import { collectionFields, findCollection } from './collection-fields.ts';

/** The personal data categories found in one returned collection. */
export interface FoundCategories {
  readonly dataset: string;
  readonly collection: string;
  readonly categories: readonly string[];
}

/**
 * The data categories of the fields that actually held a value for the subject, per collection with rows.
 * `system.*` keys (ids, status flags) describe the system, not the person, and are left out. A collection
 * whose fields carry no categories falls back to the collection's own `data_categories`.
 */
export function foundCategories(
  dataMap: PackageDataMap,
  collections: readonly PackagedCollection[],
): FoundCategories[] {
  return collections
    .filter((c) => c.rows > 0)
    .map((c) => {
      const described = findCollection(dataMap.datasets, c.dataset, c.collection);
      const filled = new Set(c.filledFields);
      const fromFields = collectionFields(described)
        .filter((field) => filled.has(field.name))
        .flatMap((field) => field.categories);
      const keys = fromFields.length > 0 ? fromFields : [...(described?.data_categories ?? [])];
      const personal = keys.filter((key) => key !== 'system' && !key.startsWith('system.'));
      return { dataset: c.dataset, collection: c.collection, categories: [...new Set(personal)].sort() };
    })
    .filter((found) => found.categories.length > 0);
}
