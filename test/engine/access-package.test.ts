// The engine's collection rows plug straight into the access package writer (src/requests/package).
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFidesYaml } from '../../src/datamap/fides-yaml/parse-fides-yaml.ts';
import { loadPrivacyModel } from '../../src/datamap/privacy-model/privacy-model.ts';
import { loadDefaultTaxonomy } from '../../src/datamap/taxonomy/load-default-taxonomy.ts';
import { demoPeople, generateDemoShop } from '../../src/demo/demo-shop/generate-demo-shop.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { readZip } from '../../src/requests/package/testing/read-zip.ts';
import { writeAccessPackage } from '../../src/requests/package/write-access-package.ts';
import type { TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';

const YAML = fileURLToPath(new URL('../../src/demo/demo-shop/demo-shop-dataset.yml', import.meta.url));
const signal = new AbortController().signal;

describe('access rows into the package writer', () => {
  let dir: string;
  let store: TestStore;
  let deps: RequestEngineDeps;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'privet-package-'));
    generateDemoShop(join(dir, 'shop.db'), { customers: 20 });
    ({ deps, store } = await openEngineDeps());
  });
  afterAll(async () => {
    await store?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a package whose collections hold exactly the rows the run reports', async () => {
    const datasets = parseFidesYaml(readFileSync(YAML, 'utf8'), YAML).datasets;
    const model = await loadPrivacyModel(store.store.db, await loadDefaultTaxonomy(signal), signal);
    const zipPath = join(dir, 'package.zip');
    const result = await runRequest(
      deps,
      {
        type: 'access',
        bindings: datasets.map((dataset) => ({ dataset, url: `sqlite:${join(dir, 'shop.db')}` })),
        identities: [{ type: 'email', value: demoPeople.jane.email }],
        consume: async (collections) => {
          await writeAccessPackage(
            {
              identities: { email: demoPeople.jane.email },
              collections,
              dataMap: { model, organisation: undefined, datasets },
              generatedAt: new Date('2026-06-01T00:00:00Z'),
            },
            createWriteStream(zipPath),
            signal,
          );
        },
      },
      signal,
    );
    expect(result.status).toBe('completed');
    const entries = await readZip(zipPath);
    for (const [name, counts] of Object.entries(result.collections)) {
      const entry = entries.get(`demo_shop/${name}.json`);
      expect(entry, name).toBeDefined();
      expect(JSON.parse(entry?.data.toString('utf8') ?? '[]'), name).toHaveLength(counts.rows);
    }
    expect(result.collections.orders?.rows).toBeGreaterThan(0);
  });
});
