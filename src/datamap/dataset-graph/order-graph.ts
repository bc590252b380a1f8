import type { FidesDataset } from '../fides-dataset.ts';
import type { DirectedGraph } from './find-cycles.ts';
import { collectionId, type DatasetIndex } from './dataset-index.ts';
import { graphIssue, type GraphIssue } from './graph-issue.ts';

/** The collection-meta keys that order processing: `after` (access) and `erase_after` (erasure). */
export const orderKeys = ['after', 'erase_after'] as const;

/** `after` or `erase_after`. */
export type OrderKey = (typeof orderKeys)[number];

/** "Must come after" edges of one order key, and the entries that name no collection. */
export interface OrderGraph {
  readonly edges: DirectedGraph;
  readonly issues: readonly GraphIssue[];
}

/** Resolves every `after` (or `erase_after`) entry into an edge from the collection to the one it waits for. */
export function buildOrderGraph(
  datasets: readonly FidesDataset[],
  index: DatasetIndex,
  key: OrderKey,
): OrderGraph {
  const edges = new Map<string, Set<string>>();
  for (const id of index.collections.keys()) edges.set(id, new Set());
  const issues: GraphIssue[] = [];
  for (const dataset of datasets) {
    dataset.collections.forEach((collection, c) => {
      const here = collectionId(dataset.fides_key, collection.name);
      collection.fides_meta?.[key]?.forEach((address, a) => {
        const target = index.resolveCollection(address);
        if (target === undefined) {
          const at = {
            dataset: dataset.fides_key,
            pointer: `collections[${c}].fides_meta.${key}[${a}]`,
            collection: collection.name,
          };
          const message = `${collection.name} waits (${key}) for ${address}, but there is no such collection`;
          issues.push(graphIssue('error', `${key}_missing_collection`, at, message));
          return;
        }
        edges.get(here)?.add(target.id);
      });
    });
  }
  return { edges, issues };
}
