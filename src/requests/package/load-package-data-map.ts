import { loadDatasets } from '../../datamap/datasets/load-datasets.ts';
import { loadPrivacyModel } from '../../datamap/privacy-model/privacy-model.ts';
import type { DefaultTaxonomy } from '../../datamap/taxonomy/load-default-taxonomy.ts';
import { readOrganisation } from '../../demo/organisation.ts';
import type { Store } from '../../store/store.ts';
import type { PackageDataMap } from './package-input.ts';

/** Reads what a package is derived from out of the store: the privacy model, the controller and the datasets. */
export async function loadPackageDataMap(
  deps: { readonly store: Store; readonly taxonomyDefaults: DefaultTaxonomy },
  signal: AbortSignal,
): Promise<PackageDataMap> {
  const [model, organisation, datasets] = await Promise.all([
    loadPrivacyModel(deps.store.db, deps.taxonomyDefaults, signal),
    readOrganisation(deps.store.db),
    loadDatasets(deps.store, signal),
  ]);
  return { model, organisation, datasets };
}
