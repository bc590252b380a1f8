import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { Store } from '../../store/store.ts';
import type { FidesDataset } from '../fides-dataset.ts';
import { compareFidesKeys } from './compare-fides-keys.ts';
import { parseDatasetDocument } from './dataset-row.ts';

/** Every stored dataset, ordered by `fides_key`; pass `trx` to read inside a transaction. */
export async function loadDatasets(
  store: Store,
  signal?: AbortSignal,
  trx?: Kysely<Database>,
): Promise<FidesDataset[]> {
  signal?.throwIfAborted();
  const rows = await (trx ?? store.db).selectFrom('datasets').select(['fides_key', 'document']).execute();
  // Sorted here, not in SQL: PostgreSQL's collation and SQLite's byte order disagree on `_` and case.
  rows.sort((a, b) => compareFidesKeys(a.fides_key, b.fides_key));
  return rows.map((row) => parseDatasetDocument(row.document));
}
