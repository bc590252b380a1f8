import type { PrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { Purpose } from '../../datamap/purposes/purpose.ts';

/** True when two fides keys are the same or one is an ancestor of the other (`user.name` ⊃ `user.name.first`). */
export function categoriesOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/**
 * The purpose-to-collection rule. The data map links purposes to data categories and to systems, and systems
 * to datasets; it does not link purposes to tables. So a purpose is taken to process a field of a collection
 * when
 *  1. one of the purpose's data categories overlaps one of the field's: equal, or either an ancestor of the
 *     other. A purpose declaring `user.contact.address` uses the `…address.street` column; a purpose declaring
 *     `user.name.first` uses a `user.name` column, which holds the first name; and
 *  2. the purpose's system, when it has one that lists datasets, lists the collection's dataset: a newsletter
 *     tool's purpose does not reach into the accounting database because both hold names.
 * It over-approximates on purpose: telling a person about one purpose too many is a smaller fault under
 * Art. 15 than leaving one out.
 */
export function purposeCovers(
  model: PrivacyModel,
  purpose: Purpose,
  dataset: string,
  categories: readonly string[],
): boolean {
  const system = model.systems.find((s) => s.key === purpose.systemKey);
  if (system && system.datasetKeys.length > 0 && !system.datasetKeys.includes(dataset)) return false;
  return purpose.dataCategories.some((mine) => categories.some((theirs) => categoriesOverlap(mine, theirs)));
}
