import type { FidesCollection, FidesDataset } from '../../datamap/fides-dataset.ts';
import { walkFields } from '../../datamap/dataset-graph/walk-fields.ts';

/** A top-level field of a collection with the data categories of it and of every field nested in it. */
export interface CollectionField {
  readonly name: string;
  readonly categories: readonly string[];
}

/** The data map's description of a collection, or undefined when the map does not know it. */
export function findCollection(
  datasets: readonly FidesDataset[],
  dataset: string,
  collection: string,
): FidesCollection | undefined {
  return datasets.find((d) => d.fides_key === dataset)?.collections.find((c) => c.name === collection);
}

/**
 * The collection's top-level fields in data-map order. A row's keys are top-level columns, so a JSON or
 * document column carries the categories of its nested fields too.
 */
export function collectionFields(collection: FidesCollection | undefined): CollectionField[] {
  return (collection?.fields ?? []).map((field) => {
    const categories = [...walkFields([field])].flatMap((walked) => walked.field.data_categories ?? []);
    return { name: field.name, categories: [...new Set(categories)] };
  });
}
