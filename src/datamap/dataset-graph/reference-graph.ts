import type { FidesDataset } from '../fides-dataset.ts';
import type { DirectedGraph } from './find-cycles.ts';
import { collectionId, type DatasetIndex } from './dataset-index.ts';
import { graphIssue, type GraphIssue } from './graph-issue.ts';
import { walkFields } from './walk-fields.ts';

/** The collections linked by references, and the references that lead nowhere. */
export interface ReferenceGraph {
  /** Which collections a request can reach from which: undirected references count both ways. */
  readonly flow: DirectedGraph;
  /** Only references with a `direction`: what a cycle check should look at. */
  readonly directed: DirectedGraph;
  /** One error for each reference to a missing dataset, collection or field. */
  readonly issues: readonly GraphIssue[];
}

/** Resolves every field reference of the datasets into collection-to-collection edges. */
export function buildReferenceGraph(datasets: readonly FidesDataset[], index: DatasetIndex): ReferenceGraph {
  const flow = new Map<string, Set<string>>();
  const directed = new Map<string, Set<string>>();
  for (const id of index.collections.keys()) {
    flow.set(id, new Set());
    directed.set(id, new Set());
  }
  const link = (graph: Map<string, Set<string>>, from: string, to: string) => graph.get(from)?.add(to);
  const issues: GraphIssue[] = [];

  for (const dataset of datasets) {
    dataset.collections.forEach((collection, c) => {
      const here = collectionId(dataset.fides_key, collection.name);
      for (const { field, path, pointer } of walkFields(collection.fields)) {
        field.fides_meta?.references?.forEach((reference, r) => {
          const at = {
            dataset: dataset.fides_key,
            pointer: `collections[${c}].${pointer}.fides_meta.references[${r}]`,
            collection: collection.name,
          };
          const target = index.resolveField(reference.dataset, reference.field);
          if (!target.ok) {
            const message =
              `${collection.name}.${path} refers to ${reference.dataset}.${reference.field}, ` +
              `but ${target.reason}`;
            issues.push(graphIssue('error', target.code, at, message));
            return;
          }
          const there = target.collection.id;
          // `to`: this field's value finds rows there; `from`: that field's value finds rows here.
          if (reference.direction !== 'from') link(flow, here, there);
          if (reference.direction !== 'to') link(flow, there, here);
          if (reference.direction === 'to') link(directed, here, there);
          if (reference.direction === 'from') link(directed, there, here);
        });
      }
    });
  }
  return { flow, directed, issues };
}
