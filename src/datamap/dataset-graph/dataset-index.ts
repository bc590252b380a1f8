import type { FidesCollection, FidesDataset } from '../fides-dataset.ts';
import { walkFields } from './walk-fields.ts';

/** One collection of the map, with where it sits. */
export interface IndexedCollection {
  /** `<fides_key>/<collection>`: a fides_key never holds `/`, so the id is unambiguous. */
  readonly id: string;
  readonly dataset: string;
  readonly collection: FidesCollection;
  /** Its position in the dataset's `collections`. */
  readonly index: number;
  /** Every field path in it, nested ones as `parent.child`. */
  readonly fieldPaths: ReadonlySet<string>;
}

/** The answer to "does `dataset` + `collection.field` exist?". */
export type ResolvedField =
  | { readonly ok: true; readonly collection: IndexedCollection }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/** Collections of many datasets by id, with lookups for references and `after` addresses. */
export interface DatasetIndex {
  readonly collections: ReadonlyMap<string, IndexedCollection>;
  resolveField(dataset: string, field: string): ResolvedField;
  /** Resolves `dataset.collection` (the dataset key may itself hold dots). */
  resolveCollection(address: string): IndexedCollection | undefined;
}

/** The `<fides_key>/<collection>` id of a collection. */
export function collectionId(dataset: string, collection: string): string {
  return `${dataset}/${collection}`;
}

/** Indexes the collections and field paths of the datasets (a later duplicate key is left out). */
export function indexDatasets(datasets: readonly FidesDataset[]): DatasetIndex {
  const keys = new Set<string>();
  const collections = new Map<string, IndexedCollection>();
  for (const dataset of datasets) {
    if (keys.has(dataset.fides_key)) continue;
    keys.add(dataset.fides_key);
    dataset.collections.forEach((collection, index) => {
      const id = collectionId(dataset.fides_key, collection.name);
      if (collections.has(id)) return;
      const fieldPaths = new Set([...walkFields(collection.fields)].map((walked) => walked.path));
      collections.set(id, { id, dataset: dataset.fides_key, collection, index, fieldPaths });
    });
  }
  return {
    collections,
    resolveField: (dataset, field) => {
      if (!keys.has(dataset)) {
        return { ok: false, code: 'reference_missing_dataset', reason: `there is no dataset "${dataset}"` };
      }
      const dot = field.indexOf('.');
      const name = dot === -1 ? field : field.slice(0, dot);
      const collection = collections.get(collectionId(dataset, name));
      if (collection === undefined) {
        const reason = `dataset "${dataset}" has no collection "${name}"`;
        return { ok: false, code: 'reference_missing_collection', reason };
      }
      const path = dot === -1 ? '' : field.slice(dot + 1);
      if (!collection.fieldPaths.has(path)) {
        const reason = `collection "${dataset}.${name}" has no field "${path}"`;
        return { ok: false, code: 'reference_missing_field', reason };
      }
      return { ok: true, collection };
    },
    resolveCollection: (address) => {
      // Try every split point: `a.b.c` may be dataset `a.b` + collection `c` or dataset `a` + `b.c`.
      for (let dot = address.indexOf('.'); dot !== -1; dot = address.indexOf('.', dot + 1)) {
        const found = collections.get(collectionId(address.slice(0, dot), address.slice(dot + 1)));
        if (found !== undefined) return found;
      }
      return undefined;
    },
  };
}
