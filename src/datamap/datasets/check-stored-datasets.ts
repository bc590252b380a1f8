import type { Store } from '../../store/store.ts';
import { checkDatasetGraph, type GraphCheckOptions } from '../dataset-graph/check-dataset-graph.ts';
import type { GraphIssue } from '../dataset-graph/graph-issue.ts';
import { loadDatasets } from './load-datasets.ts';

/** The graph check of the stored data map. */
export async function checkStoredDatasets(
  store: Store,
  signal?: AbortSignal,
  options: GraphCheckOptions = {},
): Promise<GraphIssue[]> {
  return checkDatasetGraph(await loadDatasets(store, signal), options);
}
