import type { Store } from '../../store/store.ts';
import type { SecretBox } from '../../domain/secret-box.ts';
import { checkDatasetGraph } from '../dataset-graph/check-dataset-graph.ts';
import type { GraphIssue } from '../dataset-graph/graph-issue.ts';
import { indexLookup } from '../dataset-graph/index-lookup.ts';
import { loadDatasets } from './load-datasets.ts';
import { readLiveSchemas } from './read-live-schemas.ts';

/**
 * The graph check of the stored data map, with identities checked for an index in the live schema of every
 * dataset that has a connection. Errors first, then warnings (connections that could not be read last).
 */
export async function checkLiveDatasets(
  deps: { readonly store: Store; readonly box: SecretBox },
  signal: AbortSignal,
): Promise<GraphIssue[]> {
  const datasets = await loadDatasets(deps.store, signal);
  const live = await readLiveSchemas(deps, signal, new Set(datasets.map((d) => d.fides_key)));
  return [...checkDatasetGraph(datasets, { hasIndex: indexLookup(live.schemas) }), ...live.issues];
}
