import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testConnection } from '../connectors/test-connection.ts';
import { listConnections, openConnectionUrl } from '../datamap/connections/connection-store.ts';
import { createSecretBox } from '../domain/secret-box.ts';
import { checkStoredDatasets } from '../datamap/datasets/check-stored-datasets.ts';
import { getDataset } from '../datamap/datasets/get-dataset.ts';
import { systemClock } from '../domain/clock.ts';
import { testSeedConfig } from '../../test/support/test-seed-config.ts';
import { openTestStore, storeKinds, type TestStore } from '../../test/support/test-stores.ts';
import { demoShopStep } from './demo-shop-step.ts';
import { seedDemo } from './seed-demo.ts';

describe.each(storeKinds)('demo shop seed on %s', (kind) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.cleanup();
  });

  it('writes the shop database, imports its data map and connects it, once', async () => {
    t = await openTestStore(kind);
    const config = testSeedConfig();
    const deps = { store: t.store, clock: systemClock, config };
    expect(await seedDemo(deps, [demoShopStep])).toEqual(['demo-shop']);
    expect(await seedDemo(deps, [demoShopStep])).toEqual([]);
    expect(existsSync(join(config.dataDir, 'demo-shop.db'))).toBe(true);

    const dataset = await getDataset(t.store, 'demo_shop');
    expect(dataset?.collections.map((c) => c.name)).toEqual(
      expect.arrayContaining(['customers', 'orders', 'staff']),
    );
    const issues = await checkStoredDatasets(t.store);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);

    const connections = await listConnections(t.store);
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ name: 'Demo shop', engine: 'sqlite', datasetKey: 'demo_shop' });
    const url = await openConnectionUrl(
      { store: t.store, box: createSecretBox(config.secret, 'connections') },
      connections[0]?.id ?? '',
    );
    expect(await testConnection(url, AbortSignal.timeout(5000))).toMatchObject({
      ok: true,
      engine: 'sqlite',
    });
  });
});
