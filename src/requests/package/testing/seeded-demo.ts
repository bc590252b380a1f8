import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDefaultTaxonomy } from '../../../datamap/taxonomy/load-default-taxonomy.ts';
import { seedDemo } from '../../../demo/seed-demo.ts';
import { fixedClock } from '../../../domain/clock.ts';
import { testSeedConfig } from '../../../../test/support/test-seed-config.ts';
import { openTestStore, type StoreKind } from '../../../../test/support/test-stores.ts';
import { loadPackageDataMap } from '../load-package-data-map.ts';
import type { PackageDataMap } from '../package-input.ts';

/** A store seeded with the demo (organisation, shop, privacy model) and the data map read from it. */
export interface SeededDemo {
  readonly dataMap: PackageDataMap;
  /** The demo shop's SQLite database. */
  readonly shopPath: string;
  cleanup(): Promise<void>;
}

/** Seeds the demo into a fresh test store of the kind and loads the package data map from it. For tests. */
export async function openSeededDemo(kind: StoreKind): Promise<SeededDemo> {
  const t = await openTestStore(kind);
  const config = testSeedConfig();
  try {
    await seedDemo({ store: t.store, clock: fixedClock('2026-01-05T09:00:00Z'), config });
    const taxonomyDefaults = await loadDefaultTaxonomy();
    const dataMap = await loadPackageDataMap(
      { store: t.store, taxonomyDefaults },
      new AbortController().signal,
    );
    return {
      dataMap,
      shopPath: join(config.dataDir, 'demo-shop.db'),
      cleanup: async () => {
        await t.cleanup();
        await rm(config.dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await t.cleanup();
    throw error;
  }
}
