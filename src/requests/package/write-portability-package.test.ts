import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../datamap/taxonomy/parse-csv.ts';
import { demoPeople } from '../../demo/demo-shop/generate-demo-shop.ts';
import { slowFileWriter } from './testing/slow-file-writer.ts';
import { demoShopRows } from './testing/demo-shop-rows.ts';
import { readZip } from './testing/read-zip.ts';
import { openSeededDemo, type SeededDemo } from './testing/seeded-demo.ts';
import { writePortabilityPackage } from './write-portability-package.ts';

describe('writePortabilityPackage', () => {
  let demo: SeededDemo;
  let dir: string;
  beforeAll(async () => {
    demo = await openSeededDemo('sqlite');
    dir = await mkdtemp(join(tmpdir(), 'privet-portability-test-'));
  });
  afterAll(async () => {
    await demo.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports only provided data under consent or contract, reading every collection to its end', async () => {
    const shop = demoShopRows(demo.shopPath);
    const expected = shop.counts(demoPeople.jane.email);
    const path = join(dir, 'jane.zip');
    const summary = await writePortabilityPackage(
      {
        identities: { email: demoPeople.jane.email },
        collections: shop.collections(demoPeople.jane.email),
        dataMap: demo.dataMap,
        generatedAt: new Date('2026-03-02T10:30:00Z'),
      },
      slowFileWriter(path, () => undefined),
      new AbortController().signal,
    );
    // Collections left out are still read through: the engine may follow references from their rows.
    expect(Object.fromEntries(shop.consumed)).toEqual(expected);
    shop.close();

    const zip = await readZip(path);
    const json = (name: string) =>
      JSON.parse(zip.get(name)!.data.toString('utf8')) as Record<string, unknown>[];
    expect([...zip.keys()].filter((name) => name.endsWith('.json') && name !== 'manifest.json')).toEqual([
      'demo_shop/customers.json',
      'demo_shop/addresses.json',
      'demo_shop/payments.json',
      'demo_shop/invoices.json',
      'demo_shop/newsletter_subscriptions.json',
      'demo_shop/support_tickets.json',
    ]);
    // Observed (visits, purchase history, newsletter events), assigned (ids) and uncovered (birth date, under
    // no consent or contract purpose) fields are left out.
    expect(json('demo_shop/customers.json')).toEqual([
      {
        email: demoPeople.jane.email,
        first_name: 'Jane',
        last_name: 'Doe',
        phone: demoPeople.jane.phone,
      },
    ]);
    expect(Object.keys(json('demo_shop/addresses.json')[0]!)).toEqual([
      'street',
      'city',
      'postal_code',
      'country',
    ]);
    expect(json('demo_shop/newsletter_subscriptions.json')).toEqual([{ email: demoPeople.jane.email }]);
    expect(Object.keys(json('demo_shop/support_tickets.json')[0]!)).toEqual(['subject', 'body']);
    expect(json('demo_shop/support_tickets.json')).toHaveLength(expected.support_tickets!);
    expect(zip.has('demo_shop/orders.json')).toBe(false);
    expect(zip.has('demo_shop/web_visits.json')).toBe(false);
    expect(parseCsv(zip.get('demo_shop/customers.csv')!.data.toString('utf8'))).toEqual([
      ['email', 'first_name', 'last_name', 'phone'],
      [demoPeople.jane.email, 'Jane', 'Doe', demoPeople.jane.phone],
    ]);

    const readme = zip.get('README.txt')!.data.toString('utf8');
    expect(readme).toContain('Your data from Privet Demo Shop Ltd: portability copy (Art. 20 GDPR)');
    expect(readme).toContain('email j***@example.com');
    expect(readme).toContain('Order fulfilment (our contract with you)');
    expect(readme).toContain('Marketing newsletter (your consent)');
    // A consent purpose that made nothing portable (analytics: observed data only) is not claimed.
    expect(readme).not.toContain('Web analytics');
    expect(readme).not.toContain('Invoices and bookkeeping');
    expect(readme).not.toContain('Fraud prevention');
    expect(readme).not.toContain(demoPeople.jane.email);

    const manifest = JSON.parse(zip.get('manifest.json')!.data.toString('utf8')) as {
      entries: { path: string; sha256: string }[];
    };
    expect(manifest.entries.map((e) => e.path)).toEqual([...zip.keys()].slice(0, -1));
    for (const entry of manifest.entries) {
      const digest = createHash('sha256').update(zip.get(entry.path)!.data).digest('hex');
      expect(entry.sha256, entry.path).toBe(digest);
    }
    expect(summary.collections.map((c) => c.collection)).toEqual([
      'customers',
      'addresses',
      'payments',
      'invoices',
      'newsletter_subscriptions',
      'support_tickets',
    ]);
  });
});
