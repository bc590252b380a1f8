import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controllerRecordColumns } from '../datamap/ropa/ropa-columns.ts';
import { parseCsv } from '../datamap/taxonomy/parse-csv.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { systemClock } from '../domain/clock.ts';
import { migrate } from '../store/migrate.ts';
import { openStore } from '../store/open-store.ts';
import { runCli } from '../../test/support/run-cli.ts';

describe('privet ropa export', () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'privet-ropa-'));
    env = { PRIVET_DATA_DIR: dataDir };
    const store = openStore(join(dataDir, 'privet.db'));
    try {
      await migrate(store);
      await seedDemo({
        store,
        clock: systemClock,
        config: { dataDir, secret: 'ropa-test-secret-ropa-test-secret-0001' },
      });
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('--format csv --out F writes the controller record with the ICO columns and the demo purposes', async () => {
    const out = join(dataDir, 'ropa.csv');
    const result = await runCli(['ropa', 'export', '--format', 'csv', '--out', out, '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const written = await readFile(out, 'utf8');
    expect(JSON.parse(result.stdout)).toEqual({
      out,
      format: 'csv',
      record: 'controller',
      bytes: Buffer.byteLength(written),
    });
    expect(written.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(written);
    expect(header?.slice(3)).toEqual([...controllerRecordColumns]);
    const purposes = rows.map((row) => row[4]?.split(':')[0]);
    expect(purposes).toEqual(
      expect.arrayContaining(['Order fulfilment', 'Invoices and bookkeeping', 'Fraud prevention']),
    );
    const invoices = rows.find((row) => row[4]?.startsWith('Invoices'));
    expect(
      invoices?.[3 + controllerRecordColumns.indexOf('Article 6 lawful basis for processing personal data')],
    ).toBe('Art. 6(1)(c) GDPR – legal obligation');
    expect(invoices?.[3 + controllerRecordColumns.indexOf('Retention schedule (if possible)')]).toMatch(
      /^10 years/,
    );
  });

  it('--format html --record processor prints the Art. 30(2) page to standard output', async () => {
    const result = await runCli(['ropa', 'export', '--format', 'html', '--record', 'processor'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/);
    expect(result.stdout).toContain('processor (Art. 30(2) GDPR)');
    expect(result.stdout).toContain('Nordic Brands AB');
  });

  it('refuses an unknown format with a usage error', async () => {
    const result = await runCli(['ropa', 'export', '--format', 'pdf'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('csv, html');
  });
});
