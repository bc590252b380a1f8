import { walkFields } from '../../datamap/dataset-graph/walk-fields.ts';
import type { FidesCollection } from '../../datamap/fides-dataset.ts';
import type { ExclusionReason } from './request-plan.ts';

/** The data subject a collection without `x-privet.data_subject` is about. */
export const DEFAULT_SUBJECT = 'customer';

/** True for fideslang categories about a person (`user`, `user.*`). */
export function isPersonalCategory(category: string): boolean {
  return category === 'user' || category.startsWith('user.');
}

/** Whether a collection is part of a request for `subject`, or why not. */
export type CollectionScope =
  | { readonly included: true }
  | { readonly included: false; readonly reason: ExclusionReason; readonly detail: string };

/**
 * A collection is the subject's when its data subject (`x-privet.data_subject`, default `customer`) is the
 * requester's and it holds personal data: `x-privet.personal: true`, or at least one `user.*` field.
 * Catalogues and other people's collections are never read, erased, or traversed through.
 */
export function collectionScope(collection: FidesCollection, subject: string): CollectionScope {
  const extension = collection['x-privet'];
  if (collection.fides_meta?.skip_processing === true)
    return { included: false, reason: 'skip_processing', detail: 'fides_meta.skip_processing is set' };
  const owner = extension?.data_subject ?? DEFAULT_SUBJECT;
  if (owner !== subject)
    return { included: false, reason: 'other_subject', detail: `another data subject: ${owner}` };
  if (extension?.personal === false)
    return { included: false, reason: 'not_personal', detail: 'x-privet.personal is false' };
  const personal = [...walkFields(collection.fields)].some(({ field }) =>
    (field.data_categories ?? []).some(isPersonalCategory),
  );
  if (extension?.personal !== true && !personal)
    return { included: false, reason: 'not_personal', detail: 'no field has a personal (user.*) category' };
  return { included: true };
}
