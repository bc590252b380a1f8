import type { FidesDataset } from '../fides-dataset.ts';
import { indexDatasets, type DatasetIndex, type IndexedCollection } from './dataset-index.ts';
import { findCycles, type DirectedGraph } from './find-cycles.ts';
import { graphIssue, type GraphIssue } from './graph-issue.ts';
import { buildOrderGraph, orderKeys } from './order-graph.ts';
import { buildReferenceGraph } from './reference-graph.ts';
import { walkFields } from './walk-fields.ts';

/** An identity field, as the index hook is asked about it. */
export interface IdentityField {
  readonly dataset: string;
  readonly collection: string;
  /** Dotted path for nested fields. */
  readonly field: string;
  readonly identity: string;
}

/** What the caller knows beyond the datasets themselves. */
export interface GraphCheckOptions {
  /**
   * Whether the column behind an identity field has an index (discovery can tell from the live schema).
   * `false` gives a warning, since every request would then scan the whole table; `undefined` means unknown.
   */
  readonly hasIndex?: (field: IdentityField) => boolean | undefined;
}

/**
 * Checks a data map as a graph and returns its findings as data, errors first: references to missing
 * datasets, collections or fields and `after`/`erase_after` entries that name no collection or form a cycle
 * (errors); reference cycles, collections no identity reaches and identities without an index (warnings).
 */
export function checkDatasetGraph(
  datasets: readonly FidesDataset[],
  options: GraphCheckOptions = {},
): GraphIssue[] {
  const index = indexDatasets(datasets);
  const references = buildReferenceGraph(datasets, index);
  const issues: GraphIssue[] = [...duplicates(datasets), ...references.issues];
  for (const key of orderKeys) {
    const order = buildOrderGraph(datasets, index, key);
    issues.push(...order.issues);
    issues.push(...cycleIssues(order.edges, index, 'error', `${key}_cycle`, `wait for each other (${key})`));
  }
  issues.push(
    ...cycleIssues(references.directed, index, 'warning', 'reference_cycle', 'reference each other'),
  );
  issues.push(...unreachable(index, references.flow));
  issues.push(...unindexedIdentities(index, options));
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

function duplicates(datasets: readonly FidesDataset[]): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const keys = new Set<string>();
  for (const dataset of datasets) {
    if (keys.has(dataset.fides_key)) {
      const message = `dataset "${dataset.fides_key}" is given more than once`;
      issues.push(
        graphIssue('error', 'duplicate_dataset', { dataset: dataset.fides_key, pointer: '' }, message),
      );
    }
    keys.add(dataset.fides_key);
    const names = new Set<string>();
    dataset.collections.forEach((collection, c) => {
      if (names.has(collection.name)) {
        const at = { dataset: dataset.fides_key, pointer: `collections[${c}]`, collection: collection.name };
        const message = `collection "${collection.name}" appears more than once in dataset "${dataset.fides_key}"`;
        issues.push(graphIssue('error', 'duplicate_collection', at, message));
      }
      names.add(collection.name);
    });
  }
  return issues;
}

function cycleIssues(
  graph: DirectedGraph,
  index: DatasetIndex,
  severity: GraphIssue['severity'],
  code: string,
  verb: string,
): GraphIssue[] {
  return findCycles(graph).flatMap((members) => {
    const first = index.collections.get(members[0] ?? '');
    if (first === undefined) return [];
    const names = members.map((id) => label(index.collections.get(id)));
    const message =
      names.length === 1
        ? `collection ${names[0]} refers to itself (${code})`
        : `collections ${names.join(', ')} ${verb}`;
    return [graphIssue(severity, code, at(first), message)];
  });
}

function unreachable(index: DatasetIndex, flow: DirectedGraph): GraphIssue[] {
  const reached = new Set<string>();
  const queue = [...index.collections.values()].filter(hasIdentity).map((c) => c.id);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (reached.has(id)) continue;
    reached.add(id);
    queue.push(...(flow.get(id) ?? []));
  }
  return (
    [...index.collections.values()]
      .filter((c) => !reached.has(c.id))
      // Skipped collections and catalogues (no personal data) are meant to be out of a request's reach.
      .filter(
        (c) =>
          c.collection.fides_meta?.skip_processing !== true && c.collection['x-privet']?.personal !== false,
      )
      .map((c) =>
        graphIssue(
          'warning',
          'unreachable_collection',
          at(c),
          `collection ${label(c)} cannot be reached from any identity field, so no request will find its rows`,
        ),
      )
  );
}

function unindexedIdentities(index: DatasetIndex, options: GraphCheckOptions): GraphIssue[] {
  const hasIndex = options.hasIndex;
  if (hasIndex === undefined) return [];
  return [...index.collections.values()].flatMap((c) =>
    [...walkFields(c.collection.fields)].flatMap(({ field, path, pointer }) => {
      const identity = field.fides_meta?.identity;
      if (identity === undefined) return [];
      const known = hasIndex({ dataset: c.dataset, collection: c.collection.name, field: path, identity });
      if (known !== false) return [];
      const message = `${label(c)}.${path} holds the identity "${identity}" but has no index: every request scans the table`;
      return [
        graphIssue(
          'warning',
          'identity_without_index',
          { ...at(c), pointer: `collections[${c.index}].${pointer}` },
          message,
        ),
      ];
    }),
  );
}

function hasIdentity(c: IndexedCollection): boolean {
  return [...walkFields(c.collection.fields)].some(({ field }) => field.fides_meta?.identity !== undefined);
}

function at(c: IndexedCollection): { dataset: string; pointer: string; collection: string } {
  return { dataset: c.dataset, pointer: `collections[${c.index}]`, collection: c.collection.name };
}

function label(c: IndexedCollection | undefined): string {
  return c === undefined ? '?' : `${c.dataset}.${c.collection.name}`;
}
