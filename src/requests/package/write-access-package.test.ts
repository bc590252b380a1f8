import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../datamap/taxonomy/parse-csv.ts';
import { demoPeople } from '../../demo/demo-shop/generate-demo-shop.ts';
import type { CollectionRows, PackageInput } from './package-input.ts';
import { slowFileWriter } from './testing/slow-file-writer.ts';
import { demoShopRows } from './testing/demo-shop-rows.ts';
import { readZip } from './testing/read-zip.ts';
import { openSeededDemo, type SeededDemo } from './testing/seeded-demo.ts';
import { writeAccessPackage } from './write-access-package.ts';

const generatedAt = new Date('2026-03-02T10:30:00Z');
const ROWS = 200_000;
const tricky = 'Mozilla/5.0 "quoted", with comma\nand a line break';

function visit(i: number): Record<string, unknown> {
  return {
    id: 9007199254740993n + BigInt(i),
    customer_id: 7,
    ip_address: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    user_agent: i % 1000 === 0 ? tricky : `agent-${(i * 2654435761) % 4294967296}`,
    path: `/p/${i.toString(36)}`,
    visited_at: new Date(Date.UTC(2025, 0, 1) + i * 60_000),
    raw: Buffer.from([i & 255, (i >> 8) & 255, 0xff]),
    ...(i % 5000 === 4999 ? { note: 'late key' } : {}),
  };
}

async function* one(collection: CollectionRows): AsyncIterable<CollectionRows> {
  yield collection;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('writeAccessPackage', () => {
  let demo: SeededDemo;
  let dir: string;
  beforeAll(async () => {
    demo = await openSeededDemo('sqlite');
    dir = await mkdtemp(join(tmpdir(), 'privet-access-test-'));
  });
  afterAll(async () => {
    await demo.cleanup();
    await rm(dir, { recursive: true, force: true });
  });

  const input = (collections: AsyncIterable<CollectionRows>, extra: Partial<PackageInput> = {}) => ({
    identities: { email: 'jane.doe@example.com', phone_number: '+4930123456789' },
    collections,
    dataMap: demo.dataMap,
    generatedAt,
    requestId: 'req_test_1',
    ...extra,
  });

  it('streams 200,000 rows into JSON and CSV, reading them only as fast as the ZIP goes out', async () => {
    let yielded = 0;
    let yieldedAtLastWrite = 0;
    let maxLead = 0;
    async function* visits() {
      for (let i = 0; i < ROWS; i++) {
        yielded++;
        maxLead = Math.max(maxLead, yielded - yieldedAtLastWrite);
        yield visit(i);
      }
    }
    const path = join(dir, 'big.zip');
    const out = slowFileWriter(path, () => {
      yieldedAtLastWrite = yielded;
    });
    const summary = await writeAccessPackage(
      input(one({ dataset: 'demo_shop', collection: 'web_visits', rows: visits() })),
      out,
      new AbortController().signal,
    );

    expect(yielded).toBe(ROWS);
    expect(summary.collections[0]?.rows).toBe(ROWS);
    // Buffering the rows (or the ZIP) would let the source run all 200,000 rows ahead of the output.
    expect(maxLead).toBeLessThan(ROWS / 20);

    const zip = await readZip(path);
    expect([...zip.keys()]).toEqual([
      'demo_shop/web_visits.json',
      'demo_shop/web_visits.csv',
      'supplementary-information.json',
      'index.html',
      'manifest.json',
    ]);

    const json = JSON.parse(zip.get('demo_shop/web_visits.json')!.data.toString('utf8'));
    expect(json).toHaveLength(ROWS);
    expect(json[0]).toEqual({
      id: '9007199254740993',
      customer_id: 7,
      ip_address: '10.0.0.0',
      user_agent: tricky,
      path: '/p/0',
      visited_at: '2025-01-01T00:00:00.000Z',
      raw: Buffer.from([0, 0, 0xff]).toString('base64'),
    });
    expect(json[4999].note).toBe('late key');
    expect(json[ROWS - 1].id).toBe((9007199254740993n + BigInt(ROWS - 1)).toString());

    const csv = zip.get('demo_shop/web_visits.csv')!.data.toString('utf8');
    expect(
      csv.startsWith(
        '\uFEFF"id","customer_id","ip_address","user_agent","path","visited_at","raw","note"\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(ROWS + 2);
    expect(csv).toContain('"Mozilla/5.0 ""quoted"", with comma\nand a line break"');
    const records = parseCsv(csv);
    expect(records).toHaveLength(ROWS + 1);
    expect(records.every((r) => r.length === 8)).toBe(true);
    expect(records[1]?.[3]).toBe(tricky);
    expect(records[5000]?.[7]).toBe('late key');
    expect(records[5001]?.[7]).toBe('');

    const manifest = JSON.parse(zip.get('manifest.json')!.data.toString('utf8'));
    expect(manifest.entries.map((e: { path: string }) => e.path)).toEqual([...zip.keys()].slice(0, -1));
    for (const entry of manifest.entries) {
      const data = zip.get(entry.path)!.data;
      expect(entry.sha256, entry.path).toBe(sha256(data));
      expect(entry.bytes, entry.path).toBe(data.length);
    }
    expect(summary.entries.map((e) => e.path)).toEqual([...zip.keys()]);
    const html = zip.get('index.html')!.data.toString('utf8');
    expect(html).toMatch(/<th scope="row">web_visits<\/th><td class="number">200000<\/td>/);
  });

  it('writes a customer of the demo shop with an index derived from the demo data map', async () => {
    const shop = demoShopRows(demo.shopPath);
    const expected = shop.counts(demoPeople.jane.email);
    const path = join(dir, 'jane.zip');
    const summary = await writeAccessPackage(
      input(shop.collections(demoPeople.jane.email)),
      slowFileWriter(path, () => undefined),
      new AbortController().signal,
    );
    shop.close();
    const zip = await readZip(path);
    const text = (name: string) => zip.get(name)!.data.toString('utf8');

    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    for (const [collection, rows] of Object.entries(expected)) {
      expect(JSON.parse(text(`demo_shop/${collection}.json`)), collection).toHaveLength(rows);
      expect(parseCsv(text(`demo_shop/${collection}.csv`)), collection).toHaveLength(rows + 1);
      expect(summary.collections.find((c) => c.collection === collection)?.rows).toBe(rows);
    }
    expect(parseCsv(text('demo_shop/customers.csv'))[0]).toEqual([
      'id',
      'email',
      'first_name',
      'last_name',
      'phone',
      'date_of_birth',
      'address_id',
      'loyalty_id',
      'created_at',
    ]);

    const html = text('index.html');
    expect(html).toContain('<title>Your personal data held by Privet Demo Shop Ltd</title>');
    expect(html).toContain('1 Example Street, 10115 Berlin, Germany');
    expect(html).toContain('Dana Peters, dpo@demo-shop.example');
    expect(html).toContain('<time datetime="2026-03-02T10:30:00.000Z">2026-03-02 10:30 UTC</time>');
    expect(html).toContain('<dt>email</dt><dd>j***@example.com</dd>');
    expect(html).toContain('<dt>phone_number</dt><dd>+4***89</dd>');
    expect(html).not.toContain('jane.doe@example.com');
    expect(html).toContain(
      `<th scope="row">orders</th><td class="number">${expected.orders}</td><td><a href="demo_shop/orders.json">orders.json</a>, <a href="demo_shop/orders.csv">orders.csv</a></td>`,
    );
    for (const article of ['1)(a', '1)(b', '1)(c', '1)(d', '1)(e', '1)(f', '1)(g', '1)(h']) {
      expect(html).toContain(`(Art. 15(${article}) GDPR)</span></h3>`);
    }
    expect(html).toContain('(Art. 15(2) GDPR)</span></h3>');
    // (a) purposes with their legal bases, from the privacy model.
    expect(html).toContain('Order fulfilment: Taking, paying for and delivering your orders');
    expect(html).toContain('Performance of a contract with you (Art. 6(1)(b) GDPR)');
    expect(html).toContain('Compliance with a legal obligation (Art. 6(1)(c) GDPR)');
    expect(html).toContain('Our interest: Preventing payment fraud');
    // Done for a partner as processor: the partner's to explain, not ours.
    expect(html).not.toContain('Fulfilment for marketplace partners');
    // (b) categories found, by fideslang name; system data left out.
    expect(html).toContain('Birth Date (user.demographic.date_of_birth)');
    expect(html).toContain('IP Address (user.device.ip_address)');
    expect(html).not.toContain('(system.operations)');
    // (c) recipients, with the third country.
    expect(html).toContain('Mailcourier Inc. (Email delivery service)');
    expect(html).toContain('United States (US), outside the EEA');
    expect(html).toContain('ParcelPost AG (Parcel delivery service)');
    // (d) retention in words.
    expect(html).toContain('6 years (from the end of the calendar year of the order');
    expect(html).toContain('Payment Data: 13 months (for chargebacks)');
    // (e)–(h) and 15(2).
    expect(html).toContain('Right to rectification (Art. 16 GDPR)');
    expect(html).toContain('Right to object (Art. 21 GDPR)');
    expect(html).toContain('Berliner Beauftragte für Datenschutz und Informationsfreiheit');
    expect(html).toContain('We collected all of this data from you.');
    expect(html).toContain('We make no decisions about you based solely on automated processing');
    expect(html).toContain(
      'Mailcourier Inc., United States (US): Standard contractual clauses (Art. 46(2)(c) GDPR)',
    );
    expect(html).not.toMatch(/<script|src=|https?:\/\//);

    const info = JSON.parse(text('supplementary-information.json'));
    expect(info.controller.name).toBe('Privet Demo Shop Ltd');
    expect(info.purposes.entries.map((e: { purpose: string }) => e.purpose)).toEqual([
      'Customer support',
      'Fraud prevention',
      'Invoices and bookkeeping',
      'Marketing newsletter',
      'Order fulfilment',
      'Web analytics',
    ]);
  });

  it('names only the purposes, recipients and transfers that concern the collections returned', async () => {
    const shop = demoShopRows(demo.shopPath, ['web_visits']);
    const path = join(dir, 'visits.zip');
    await writeAccessPackage(
      input(shop.collections(demoPeople.jane.email)),
      slowFileWriter(path, () => undefined),
      new AbortController().signal,
    );
    shop.close();
    const info = JSON.parse(
      (await readZip(path)).get('supplementary-information.json')!.data.toString('utf8'),
    );
    expect(info.purposes.entries.map((e: { purpose: string }) => e.purpose)).toEqual([
      'Fraud prevention',
      'Web analytics',
    ]);
    expect(info.categories.entries.map((e: { key: string }) => e.key)).toEqual([
      'user.behavior.browsing_history',
      'user.device',
      'user.device.ip_address',
    ]);
    expect(info.recipients.entries.map((e: { name: string }) => e.name)).toEqual([
      'EuroCloud Hosting GmbH',
      'PayFlow Payments Europe S.A.',
    ]);
    expect(info.transfers.entries).toEqual([]);
    expect(info.transfers.summary).toMatch(/^Your data is not transferred/);
  });

  it('says so when nothing was found', async () => {
    const path = join(dir, 'empty.zip');
    const summary = await writeAccessPackage(
      input((async function* () {})()),
      slowFileWriter(path, () => undefined),
      new AbortController().signal,
    );
    expect(summary.collections).toEqual([]);
    const zip = await readZip(path);
    expect([...zip.keys()]).toEqual(['supplementary-information.json', 'index.html', 'manifest.json']);
    const html = zip.get('index.html')!.data.toString('utf8');
    expect(html).toContain('We found no data about you.');
    expect(html).toContain('We found no personal data about you.');
  });

  it('writes the same bytes for the same rows and clock, with entries dated by that clock', async () => {
    const write = async (name: string) => {
      const shop = demoShopRows(demo.shopPath);
      const path = join(dir, name);
      await writeAccessPackage(
        input(shop.collections(demoPeople.jane.email)),
        slowFileWriter(path, () => undefined),
        new AbortController().signal,
      );
      shop.close();
      return path;
    };
    const [a, b] = [await write('a.zip'), await write('b.zip')];
    expect(sha256(await readFile(a))).toBe(sha256(await readFile(b)));
    for (const [name, entry] of await readZip(a)) {
      expect(Math.abs(entry.mtime.getTime() - generatedAt.getTime()), name).toBeLessThan(2000);
    }
  });

  it('stops on abort: rejects, closes the row source, destroys the output and leaves no spool', async () => {
    const tempDir = await mkdtemp(join(dir, 'spool-'));
    const controller = new AbortController();
    let closed = false;
    async function* endless() {
      try {
        for (let i = 0; ; i++) {
          if (i === 5000) controller.abort(new Error('request cancelled'));
          yield visit(i);
        }
      } finally {
        closed = true;
      }
    }
    const out = slowFileWriter(join(dir, 'aborted.zip'), () => undefined);
    await expect(
      writeAccessPackage(
        input(one({ dataset: 'demo_shop', collection: 'web_visits', rows: endless() }), { tempDir }),
        out,
        controller.signal,
      ),
    ).rejects.toThrow('request cancelled');
    expect(closed).toBe(true);
    expect(out.destroyed).toBe(true);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('fails with the row source’s error and leaves no spool', async () => {
    const tempDir = await mkdtemp(join(dir, 'spool-'));
    async function* broken() {
      for (let i = 0; i < 10; i++) yield visit(i);
      throw new Error('connection lost');
    }
    const out = slowFileWriter(join(dir, 'broken.zip'), () => undefined);
    await expect(
      writeAccessPackage(
        input(one({ dataset: 'demo_shop', collection: 'web_visits', rows: broken() }), { tempDir }),
        out,
        new AbortController().signal,
      ),
    ).rejects.toThrow('connection lost');
    expect(out.destroyed).toBe(true);
    expect(await readdir(tempDir)).toEqual([]);
  });
});
