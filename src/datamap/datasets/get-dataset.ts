import { PrivetError } from '../../domain/errors.ts';
import type { Store } from '../../store/store.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { parseDatasetDocument } from './dataset-row.ts';

/** The stored dataset with this `fides_key`, exactly as imported; `not_found` when there is none. */
export async function getDataset(
  store: Store,
  fidesKey: string,
  signal?: AbortSignal,
): Promise<FidesDataset> {
  signal?.throwIfAborted();
  const row = await store.db
    .selectFrom('datasets')
    .select('document')
    .where('fides_key', '=', fidesKey)
    .executeTakeFirst();
  if (row === undefined) throw new PrivetError('not_found', `No dataset "${fidesKey}"`);
  return parseDatasetDocument(row.document);
}
