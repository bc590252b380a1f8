// A request over two databases where one is down: the request ends "partial", the reachable database's part
// is done completely, and the unreachable one's collections say why they failed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, generateDemoShop } from '../../src/demo/demo-shop/generate-demo-shop.ts';
import type { FidesDataset } from '../../src/datamap/fides-dataset.ts';
import { parseFidesYaml } from '../../src/datamap/fides-yaml/parse-fides-yaml.ts';
import { previewRequest } from '../../src/engine/execution/preview-request.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { runRequest } from '../../src/engine/execution/run-request.ts';
import { runCli } from '../support/run-cli.ts';
import type { TestStore } from '../support/test-stores.ts';
import { openEngineDeps } from './engine-deps.ts';
import { readFileSync } from 'node:fs';
import { openSqlClient } from './sql-client.ts';

const SHOP_YAML = fileURLToPath(new URL('../../src/demo/demo-shop/demo-shop-dataset.yml', import.meta.url));
const FIDES_YAML = fileURLToPath(
  new URL(
    '../fixtures/datasets/fides-example/data_dataset_postgres_example_test_dataset.yml',
    import.meta.url,
  ),
);
const DOWN = 'postgres://postgres:Secr3t-never-shown@127.0.0.1:1/shop';
const signal = new AbortController().signal;
const datasetOf = (path: string): FidesDataset => {
  const [dataset] = parseFidesYaml(readFileSync(path, 'utf8'), path).datasets;
  if (dataset === undefined) throw new Error(`no dataset in ${path}`);
  return dataset;
};

describe('a request over two databases, one of them down', () => {
  let dir: string;
  let store: TestStore;
  let deps: RequestEngineDeps;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'privet-partial-'));
    generateDemoShop(join(dir, 'shop.db'), { customers: 40 });
    generateDemoShop(join(dir, 'cli.db'), { customers: 40 });
    ({ deps, store } = await openEngineDeps());
  });
  afterAll(async () => {
    await store?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends partial, with every collection of the reachable database erased', async () => {
    const bindings = [
      { dataset: datasetOf(SHOP_YAML), url: `sqlite:${join(dir, 'shop.db')}` },
      { dataset: datasetOf(FIDES_YAML), url: DOWN },
    ];
    const identities = [{ type: 'email', value: demoPeople.john.email }];
    const preview = await previewRequest(deps, { bindings: bindings.slice(0, 1), identities }, signal);
    const result = await runRequest(deps, { type: 'erasure', bindings, identities }, signal);
    expect(result.status).toBe('partial');
    const shop = Object.entries(result.collections).filter(([, r]) => r.dataset === 'demo_shop');
    const down = Object.entries(result.collections).filter(([, r]) => r.dataset !== 'demo_shop');
    expect(shop.map(([, r]) => r.status)).toEqual(shop.map(() => 'done'));
    expect(Object.fromEntries(shop.map(([name, r]) => [name.replace(/^demo_shop\./, ''), r.rows]))).toEqual(
      Object.fromEntries(
        preview.plan.steps.map((s) => [s.collection, (preview.rows.get(s.id) as { rows: number }).rows]),
      ),
    );
    expect(shop.find(([name]) => name === 'customers')?.[1]).toMatchObject({ rows: 1, masked: 1 });
    expect(down.length).toBeGreaterThan(5);
    for (const [, r] of down) {
      expect(r.status).toBe('failed');
      expect(r.reasons[0]?.message).toMatch(/connect|ECONNREFUSED/i);
      expect(JSON.stringify(r)).not.toContain('Secr3t');
    }
    const sql = await openSqlClient(`sqlite:${join(dir, 'shop.db')}`);
    try {
      expect(await sql.query('SELECT * FROM customers WHERE email = ?', [demoPeople.john.email])).toEqual([]);
    } finally {
      await sql.close();
    }
  });

  it('prints the partial outcome as the JSON scripts rely on, and exits 3', async () => {
    const result = await runCli(
      [
        'request',
        'run',
        '--type',
        'erasure',
        '--identity',
        `email=${demoPeople.jane.email}`,
        '--connection',
        `sqlite:${join(dir, 'cli.db')}`,
        '--dataset',
        SHOP_YAML,
        '--connection',
        DOWN,
        '--dataset',
        FIDES_YAML,
        '--json',
      ],
      { PRIVET_DATA_DIR: join(dir, 'data'), PRIVET_SECRET: 'partial-test-secret-partial-test-sec-1' },
    );
    expect(result.code).toBe(3);
    const output = JSON.parse(result.stdout);
    expect(output.status).toBe('partial');
    expect(output.collections['demo_shop.orders']).toMatchObject({
      rows: expect.any(Number),
      masked: expect.any(Number),
      deleted: 0,
      kept: 0,
    });
    expect(output.collections.customers).toMatchObject({
      rows: 1,
      masked: 1,
      deleted: 0,
      kept: 0,
      status: 'done',
    });
    expect(output.collections.customer).toMatchObject({ rows: 0, status: 'failed' });
    expect(result.stdout + result.stderr).not.toContain('Secr3t-never-shown');
  });
});
