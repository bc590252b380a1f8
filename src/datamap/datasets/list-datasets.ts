import type { Store } from '../../store/store.ts';
import { readJsonColumn } from '../privacy-model/json-column.ts';
import { compareFidesKeys } from './compare-fides-keys.ts';

/** A stored dataset as lists show it, without its document. */
export interface DatasetSummary {
  readonly fidesKey: string;
  readonly name: string | null;
  readonly description: string | null;
  /** The systems that name this dataset in their `datasetKeys` (the one place the link is stored), by key. */
  readonly systemKeys: string[];
  /** The first of `systemKeys`, or null: kept for callers written when a dataset had at most one system. */
  readonly systemKey: string | null;
  readonly collections: number;
  /** Fields of every collection, nested ones included. */
  readonly fields: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** For each dataset key, the systems that list it, by key. */
async function systemsByDataset(store: Store, signal?: AbortSignal): Promise<Map<string, string[]>> {
  signal?.throwIfAborted();
  const systems = await store.db.selectFrom('systems').select(['fides_key', 'dataset_keys']).execute();
  const byDataset = new Map<string, string[]>();
  for (const system of systems) {
    for (const dataset of readJsonColumn<string[]>(system.dataset_keys, [])) {
      byDataset.set(dataset, [...(byDataset.get(dataset) ?? []), system.fides_key]);
    }
  }
  for (const keys of byDataset.values()) keys.sort(compareFidesKeys);
  return byDataset;
}

/** Every stored dataset by `fides_key`, with collection and field counts and the systems that use it. */
export async function listDatasets(store: Store, signal?: AbortSignal): Promise<DatasetSummary[]> {
  signal?.throwIfAborted();
  const rows = await store.db
    .selectFrom('datasets')
    .select([
      'fides_key',
      'name',
      'description',
      'collection_count',
      'field_count',
      'created_at',
      'updated_at',
    ])
    .execute();
  const systems = await systemsByDataset(store, signal);
  rows.sort((a, b) => compareFidesKeys(a.fides_key, b.fides_key));
  return rows.map((row) => {
    const systemKeys = systems.get(row.fides_key) ?? [];
    return {
      fidesKey: row.fides_key,
      name: row.name,
      description: row.description,
      systemKeys,
      systemKey: systemKeys[0] ?? null,
      collections: Number(row.collection_count),
      fields: Number(row.field_count),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}
