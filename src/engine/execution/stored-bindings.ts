import { createSecretBox } from '../../domain/secret-box.ts';
import { loadDatasets } from '../../datamap/datasets/load-datasets.ts';
import type { Store } from '../../store/store.ts';
import type { DatasetBinding } from './plan-request.ts';

/**
 * Every stored dataset that has a stored connection (`connections.dataset_key`), with the connection's URL
 * unsealed: what a request runs against in the server. Datasets without a connection are left out; when two
 * connections name one dataset, the first by name serves it. The URLs carry passwords: never log them.
 */
export async function loadStoredBindings(
  deps: { readonly store: Store; readonly secret: string },
  signal: AbortSignal,
): Promise<DatasetBinding[]> {
  const [datasets, connections] = await Promise.all([
    loadDatasets(deps.store, signal),
    deps.store.db
      .selectFrom('connections')
      .select(['dataset_key', 'url_sealed'])
      .where('dataset_key', 'is not', null)
      .orderBy('name')
      .execute(),
  ]);
  signal.throwIfAborted();
  const box = createSecretBox(deps.secret, 'connections');
  const sealed = new Map<string, string>();
  for (const c of connections)
    if (c.dataset_key !== null && !sealed.has(c.dataset_key)) sealed.set(c.dataset_key, c.url_sealed);
  return datasets.flatMap((dataset) => {
    const url = sealed.get(dataset.fides_key);
    return url === undefined ? [] : [{ dataset, url: box.open(url) }];
  });
}
