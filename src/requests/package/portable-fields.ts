import type { Purpose } from '../../datamap/purposes/purpose.ts';
import { categoryOrigin } from './category-origin.ts';
import { collectionFields, findCollection } from './collection-fields.ts';
import type { PackageDataMap } from './package-input.ts';
import { purposeCovers } from './purpose-coverage.ts';

/** A field that goes into the portability copy, with the purposes (by key) that make it portable. */
export interface PortableField {
  readonly name: string;
  readonly categories: readonly string[];
  readonly purposes: readonly string[];
}

/** The purposes Art. 20(1)(a) GDPR reaches: our own, on consent (6(1)(a)) or contract (6(1)(b)). */
export function portabilityPurposes(dataMap: PackageDataMap): Purpose[] {
  return dataMap.model.purposes.filter(
    (p) => p.actingAs === 'controller' && (p.legalBasis === '6.1.a' || p.legalBasis === '6.1.b'),
  );
}

/**
 * The fields of a collection that the person may take away: every data category of the field (nested ones
 * included) is `provided` by the person, and at least one consent or contract purpose processes the field by
 * the rule of `purposeCovers`. A field without categories is not known to be provided and is left out.
 */
export function portableFields(
  dataMap: PackageDataMap,
  dataset: string,
  collection: string,
): PortableField[] {
  const purposes = portabilityPurposes(dataMap);
  return collectionFields(findCollection(dataMap.datasets, dataset, collection)).flatMap((field) => {
    if (field.categories.length === 0) return [];
    if (!field.categories.every((key) => categoryOrigin(key) === 'provided')) return [];
    const under = purposes.filter((p) => purposeCovers(dataMap.model, p, dataset, field.categories));
    return under.length === 0 ? [] : [{ ...field, purposes: under.map((p) => p.key) }];
  });
}
