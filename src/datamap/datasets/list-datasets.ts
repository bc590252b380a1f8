import type { Store } from '../../store/store.ts';
import { compareFidesKeys } from './compare-fides-keys.ts';

/** A stored dataset as lists show it, without its document. */
export interface DatasetSummary {
  readonly fidesKey: string;
  readonly name: string | null;
  readonly description: string | null;
  /** The system the dataset belongs to, once one is linked. */
  readonly systemKey: string | null;
  readonly collections: number;
  /** Fields of every collection, nested ones included. */
  readonly fields: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Every stored dataset by `fides_key`, with collection and field counts. */
export async function listDatasets(store: Store, signal?: AbortSignal): Promise<DatasetSummary[]> {
  signal?.throwIfAborted();
  const rows = await store.db
    .selectFrom('datasets')
    .select([
      'fides_key',
      'name',
      'description',
      'system_key',
      'collection_count',
      'field_count',
      'created_at',
      'updated_at',
    ])
    .execute();
  rows.sort((a, b) => compareFidesKeys(a.fides_key, b.fides_key));
  return rows.map((row) => ({
    fidesKey: row.fides_key,
    name: row.name,
    description: row.description,
    systemKey: row.system_key,
    collections: Number(row.collection_count),
    fields: Number(row.field_count),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
