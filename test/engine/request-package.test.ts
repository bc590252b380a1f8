// Access and portability packages from the engine: the use case the server calls (stored connections and
// data map) and `privet request run --out <file>.zip`, each ZIP opened with yauzl and checked against the
// demo shop database with hand-written SQL.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataConnection } from '../../src/connectors/open-data-connection.ts';
import { openIntrospector } from '../../src/connectors/open-introspector.ts';
import { loadDefaultTaxonomy } from '../../src/datamap/taxonomy/load-default-taxonomy.ts';
import { demoPeople, generateDemoShop } from '../../src/demo/demo-shop/generate-demo-shop.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { fixedClock } from '../../src/domain/clock.ts';
import type { RequestEngineDeps } from '../../src/engine/execution/request-engine-deps.ts';
import { loadStoredBindings } from '../../src/engine/execution/stored-bindings.ts';
import { exportRequestPackage } from '../../src/requests/package/export-request-package.ts';
import { loadPackageDataMap } from '../../src/requests/package/load-package-data-map.ts';
import { portableFields } from '../../src/requests/package/portable-fields.ts';
import { demoShopRows } from '../../src/requests/package/testing/demo-shop-rows.ts';
import { readZip, type UnzippedEntry } from '../../src/requests/package/testing/read-zip.ts';
import { runCli } from '../support/run-cli.ts';
import { testSeedConfig } from '../support/test-seed-config.ts';
import { openTestStore, type TestStore } from '../support/test-stores.ts';

const DATASET = fileURLToPath(new URL('../../src/demo/demo-shop/demo-shop-dataset.yml', import.meta.url));
const signal = new AbortController().signal;
const JANE = demoPeople.jane.email;

type Row = Record<string, unknown>;
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const json = (zip: Map<string, UnzippedEntry>, name: string) =>
  JSON.parse(zip.get(name)?.data.toString('utf8') ?? 'null') as Row[] | null;
const ids = (rows: readonly Row[] | null) => (rows ?? []).map((r) => Number(r.id)).sort((a, b) => a - b);

/**
 * The collection files of the package hold exactly the rows the hand-written SQL finds (by id), and each
 * collection of the run as many rows as the run reports.
 */
function expectRowsOfDatabase(
  zip: Map<string, UnzippedEntry>,
  shopPath: string,
  email: string,
  collections: Readonly<Record<string, { rows: number }>>,
): void {
  const shop = demoShopRows(shopPath);
  const db = new SQLite(shopPath, { readonly: true });
  try {
    for (const [name, sql] of Object.entries(shop.queries)) {
      const entry = json(zip, `demo_shop/${name}.json`);
      expect(entry, name).not.toBeNull();
      expect(zip.has(`demo_shop/${name}.csv`), name).toBe(true);
      expect(ids(entry), name).toEqual(ids(db.prepare(sql).all({ email }) as Row[]));
    }
  } finally {
    db.close();
    shop.close();
  }
  for (const [name, counts] of Object.entries(collections))
    expect(json(zip, `demo_shop/${name}.json`), name).toHaveLength(counts.rows);
}

/** The manifest lists every other entry with its size and SHA-256. */
function expectManifest(zip: Map<string, UnzippedEntry>): void {
  const manifest = JSON.parse(zip.get('manifest.json')?.data.toString('utf8') ?? '{}') as {
    entries: { path: string; bytes: number; sha256: string }[];
  };
  const listed = manifest.entries.map((e) => e.path).sort();
  expect(listed).toEqual([...zip.keys()].filter((k) => k !== 'manifest.json').sort());
  for (const entry of manifest.entries) {
    const data = zip.get(entry.path)?.data ?? Buffer.alloc(0);
    expect(entry.sha256, entry.path).toBe(sha256(data));
    expect(entry.bytes, entry.path).toBe(data.length);
  }
}

describe('exportRequestPackage over the stored data map and connections', () => {
  let store: TestStore;
  let deps: RequestEngineDeps;
  let dir: string;
  let shopPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'privet-export-'));
    store = await openTestStore('sqlite');
    const config = testSeedConfig();
    const clock = fixedClock('2026-06-01T00:00:00Z');
    await seedDemo({ store: store.store, clock, config });
    shopPath = join(config.dataDir, 'demo-shop.db');
    deps = {
      store: store.store,
      clock,
      secret: config.secret,
      openConnection: openDataConnection,
      openIntrospector,
    };
  }, 120_000);
  afterAll(async () => {
    await store?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds every stored dataset with a connection, its URL unsealed', async () => {
    const bindings = await loadStoredBindings(deps, signal);
    expect(bindings.map((b) => [b.dataset.fides_key, b.url])).toEqual([['demo_shop', `sqlite:${shopPath}`]]);
  });

  it('writes the access package: every collection as JSON and CSV, equal to the database, with Art. 15 info', async () => {
    const bindings = await loadStoredBindings(deps, signal);
    const outFile = join(dir, 'jane-access.zip');
    const exported = await exportRequestPackage(
      deps,
      {
        type: 'access',
        bindings,
        identities: [{ type: 'email', value: ` ${JANE.toUpperCase()}` }],
        outFile,
        requestId: 'req_1',
      },
      signal,
    );
    expect(exported.result.status).toBe('completed');
    const file = readFileSync(outFile);
    expect(exported).toMatchObject({ file: outFile, bytes: file.length, sha256: sha256(file) });
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
    const zip = await readZip(outFile);
    expectRowsOfDatabase(zip, shopPath, JANE, exported.result.collections);
    expect(json(zip, 'demo_shop/customers.json')?.[0]?.email).toBe(JANE);
    const info = JSON.parse(zip.get('supplementary-information.json')?.data.toString('utf8') ?? '{}') as {
      purposes?: { article: string; entries: unknown[] };
      rights?: { entries: unknown[] };
    };
    expect(info.purposes?.article).toMatch(/15\(1\)\(a\)/);
    expect(info.purposes?.entries.length).toBeGreaterThan(0);
    expect(info.rights?.entries.length).toBeGreaterThan(0);
    expect(zip.get('index.html')?.data.toString('utf8')).toContain('req_1');
    expectManifest(zip);
  });

  it('writes the portability package with only the portable fields', async () => {
    const bindings = await loadStoredBindings(deps, signal);
    const outFile = join(dir, 'jane-portability.zip');
    const exported = await exportRequestPackage(
      deps,
      { type: 'portability', bindings, identities: [{ type: 'email', value: JANE }], outFile },
      signal,
    );
    expect(exported.result.status).toBe('completed');
    const zip = await readZip(outFile);
    expect(zip.has('README.txt')).toBe(true);
    const dataMap = await loadPackageDataMap(
      { store: store.store, taxonomyDefaults: await loadDefaultTaxonomy(signal) },
      signal,
    );
    const portable = portableFields(dataMap, 'demo_shop', 'customers').map((f) => f.name);
    expect(portable).toContain('email');
    const customers = json(zip, 'demo_shop/customers.json');
    expect(customers).toHaveLength(1);
    expect(Object.keys(customers?.[0] ?? {}).every((k) => portable.includes(k))).toBe(true);
    expect(customers?.[0]?.email).toBe(JANE);
    expect(zip.has('demo_shop/web_visits.json')).toBe(false);
    expectManifest(zip);
  });

  it('leaves no file behind when the package cannot be written', async () => {
    const bindings = await loadStoredBindings(deps, signal);
    const outFile = join(dir, 'missing-dir', 'x.zip');
    await expect(
      exportRequestPackage(
        deps,
        { type: 'access', bindings, identities: [{ type: 'email', value: JANE }], outFile },
        signal,
      ),
    ).rejects.toThrow();
    expect(existsSync(join(dir, 'missing-dir'))).toBe(false);
  });
});

describe('privet request run --out <file>.zip', () => {
  let dir: string;
  let shop: string;
  let env: Record<string, string>;
  const common = () => [
    '--identity',
    `email=${JANE}`,
    '--connection',
    `sqlite:${shop}`,
    '--dataset',
    DATASET,
    '--json',
  ];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'privet-request-zip-'));
    shop = join(dir, 'shop.db');
    generateDemoShop(shop, { customers: 30 });
    env = { PRIVET_DATA_DIR: join(dir, 'data'), PRIVET_SECRET: 'request-zip-secret-request-zip-secret' };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the access package, equal to the database, and prints its hash', async () => {
    const out = join(dir, 'jane.zip');
    const result = await runCli(['request', 'run', '--type', 'access', ...common(), '--out', out], env);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      status: string;
      package: { file: string; bytes: number; sha256: string };
      collections: Record<string, { rows: number }>;
    };
    const file = readFileSync(out);
    expect(summary.package).toEqual({ file: out, bytes: file.length, sha256: sha256(file) });
    const zip = await readZip(out);
    expectRowsOfDatabase(zip, shop, JANE, summary.collections);
    expect(zip.has('index.html')).toBe(true);
    expect(zip.has('supplementary-information.json')).toBe(true);
    expectManifest(zip);
  }, 120_000);

  it('writes the portability package', async () => {
    const out = join(dir, 'jane-portability.zip');
    const result = await runCli(['request', 'run', '--type', 'portability', ...common(), '--out', out], env);
    expect(result.code).toBe(0);
    const zip = await readZip(out);
    expect(zip.has('README.txt')).toBe(true);
    expect(zip.has('index.html')).toBe(false);
    expectManifest(zip);
  }, 120_000);
});
