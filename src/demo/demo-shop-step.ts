import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection } from '../datamap/connections/connection-store.ts';
import { createSecretBox } from '../domain/secret-box.ts';
import { importDatasets } from '../datamap/datasets/import-datasets.ts';
import { generateDemoShop } from './demo-shop/generate-demo-shop.ts';
import type { SeedStep } from './seed-steps.ts';

const DATASET_FILE = fileURLToPath(new URL('./demo-shop/demo-shop-dataset.yml', import.meta.url));

/** The demo shop's SQLite database in the data directory, its Fides dataset and a connection to it. */
export const demoShopStep: SeedStep = {
  name: 'demo-shop',
  async run(deps, trx) {
    const path = join(deps.config.dataDir, 'demo-shop.db');
    if (!existsSync(path)) generateDemoShop(path);
    const text = await readFile(DATASET_FILE, 'utf8');
    await importDatasets(deps, [{ name: 'demo-shop-dataset.yml', text }], 'system', undefined, trx);
    const box = createSecretBox(deps.config.secret, 'connections');
    await createConnection(
      { store: deps.store, clock: deps.clock, box },
      { name: 'Demo shop', url: `sqlite:${path}`, datasetKey: 'demo_shop' },
      'system',
      trx,
    );
  },
};
