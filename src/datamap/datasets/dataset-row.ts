import { walkFields } from '../dataset-graph/walk-fields.ts';
import type { FidesDataset } from '../fides-dataset.ts';

/** The columns of a `datasets` row that follow from the document. */
export interface DatasetRowValues {
  readonly name: string | null;
  readonly description: string | null;
  readonly document: string;
  readonly collection_count: number;
  readonly field_count: number;
}

/** The row values for a dataset: the whole document as JSON, plus what lists show without parsing it. */
export function datasetRowValues(dataset: FidesDataset): DatasetRowValues {
  return {
    name: dataset.name ?? null,
    description: dataset.description ?? null,
    document: JSON.stringify(dataset),
    collection_count: dataset.collections.length,
    field_count: countFields(dataset),
  };
}

/** Fields of every collection, nested ones included. */
export function countFields(dataset: FidesDataset): number {
  return dataset.collections.reduce((sum, c) => sum + [...walkFields(c.fields)].length, 0);
}

/** The dataset held in a row's `document` column. */
export function parseDatasetDocument(document: string): FidesDataset {
  return JSON.parse(document) as FidesDataset;
}
