import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo.ts';
import { controllerRecordColumns, processorRecordColumns } from '../../datamap/ropa/ropa-columns.ts';
import { parseCsv } from '../../datamap/taxonomy/parse-csv.ts';
import { systemClock } from '../../domain/clock.ts';
import { startTestApp, type TestApp } from '../../../test/support/test-app.ts';
import { storeKinds } from '../../../test/support/test-stores.ts';

const keeperColumns = ['Controller name', 'Controller contact details', 'Data protection officer'];

describe.each(storeKinds)('record of processing of the demo on %s', (kind) => {
  let t: TestApp;
  let viewer: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp({ kind });
    await seedDemo({ store: t.store, clock: systemClock, config: t.config });
    viewer = { authorization: `Bearer ${await t.apiKey('viewer')}` };
  });
  afterAll(async () => {
    await t.stop();
  });

  const get = (url: string, headers: Record<string, string> = viewer) =>
    t.app.inject({ method: 'GET', url, headers });

  it('finds no error in the demo data map', async () => {
    const res = await get('/api/admin/datamap/check');
    expect(res.json().issues.filter((i: { severity: string }) => i.severity === 'error')).toEqual([]);
    expect(res.json().ok).toBe(true);
  });

  it('CSV: RFC 4180 with a BOM, the controller first, then exactly the ICO columns in order', async () => {
    const res = await get('/api/admin/ropa.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="ropa-controller-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.body.startsWith('\uFEFF"Controller name"')).toBe(true);
    expect(res.body.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual([...keeperColumns, ...controllerRecordColumns]);
    expect(header?.slice(3)).toEqual([
      'Business function',
      'Purpose of processing',
      'Name and contact details of joint controller (if applicable)',
      'Categories of individuals',
      'Categories of personal data',
      'Categories of recipients',
      'Link to contract with processor',
      'Names of third countries or international organisations that personal data are transferred to (if applicable)',
      'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
      'Retention schedule (if possible)',
      'General description of technical and organisational security measures (if possible)',
      'Article 6 lawful basis for processing personal data',
      'Article 9 basis for processing special category data',
      'Legitimate interests for the processing (if applicable)',
      'Link to record of consent',
      'Source of data',
      'Automated decision-making',
    ]);
    const column = (name: string) => (header ?? []).indexOf(name);
    const byPurpose = new Map(
      rows.map((row) => [(row[column('Purpose of processing')] ?? '').split(':')[0], row]),
    );
    expect([...byPurpose.keys()]).toEqual(
      expect.arrayContaining([
        'Customer support',
        'Fraud prevention',
        'Invoices and bookkeeping',
        'Marketing newsletter',
        'Order fulfilment',
        'Web analytics',
      ]),
    );
    const cell = (purpose: string, name: string) => byPurpose.get(purpose)?.[column(name)];
    const basis = 'Article 6 lawful basis for processing personal data';
    const retention = 'Retention schedule (if possible)';
    expect(cell('Order fulfilment', basis)).toBe('Art. 6(1)(b) GDPR – contract');
    expect(cell('Order fulfilment', retention)).toMatch(/^6 years \(from the end of the calendar year/);
    expect(cell('Order fulfilment', retention)).toContain('Payment Data: 13 months (for chargebacks)');
    expect(cell('Invoices and bookkeeping', basis)).toBe('Art. 6(1)(c) GDPR – legal obligation');
    expect(cell('Invoices and bookkeeping', retention)).toMatch(/^10 years/);
    expect(cell('Marketing newsletter', basis)).toBe('Art. 6(1)(a) GDPR – consent');
    expect(cell('Marketing newsletter', 'Link to record of consent')).toContain('Privet consent ledger');
    expect(cell('Web analytics', basis)).toBe('Art. 6(1)(a) GDPR – consent');
    expect(cell('Fraud prevention', basis)).toBe('Art. 6(1)(f) GDPR – legitimate interest');
    expect(cell('Fraud prevention', 'Legitimate interests for the processing (if applicable)')).toContain(
      'Assessment: Purpose test',
    );
    expect(cell('Customer support', basis)).toBe('Art. 6(1)(b) GDPR – contract');
    expect(
      cell(
        'Marketing newsletter',
        'Names of third countries or international organisations that personal data are transferred to (if applicable)',
      ),
    ).toBe('United States (US)');
    expect(
      cell(
        'Marketing newsletter',
        'Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)',
      ),
    ).toContain('Standard contractual clauses');
    expect(cell('Order fulfilment', 'Link to contract with processor')).toContain(
      'PayFlow Payments Europe S.A.: contract signed 2024-01-15',
    );
    expect(cell('Order fulfilment', 'Business function')).toBe('Sales');
    expect(cell('Order fulfilment', 'Categories of individuals')).toBe('Customer');
    expect(byPurpose.has('Fulfilment for marketplace partners')).toBe(false);
    for (const row of rows) {
      expect(row.slice(0, 3)).toEqual([
        'Privet Demo Shop Ltd',
        '1 Example Street, 10115 Berlin, Germany, privacy@demo-shop.example',
        'Dana Peters, dpo@demo-shop.example',
      ]);
    }
  });

  it('HTML: a standalone page with the controller block and a captioned table with the ICO headers', async () => {
    const res = await get('/api/admin/ropa.html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<dt>Controller name</dt><dd>Privet Demo Shop Ltd</dd>');
    expect(html).toContain('<dt>Data protection officer</dt><dd>Dana Peters, dpo@demo-shop.example</dd>');
    expect(html).toMatch(
      /<caption>Record of processing activities – controller \(Art\. 30\(1\) GDPR\): \d+ processing activities<\/caption>/,
    );
    const headers = [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(headers).toEqual([...controllerRecordColumns]);
    expect(html).toContain('<th scope="row">Order fulfilment: Taking, paying for and delivering your orders');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<(script|link)\b|src=/);
  });

  it('processor record (Art. 30(2)): the activity done for the marketplace partner', async () => {
    const res = await get('/api/admin/ropa.csv?record=processor');
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = parseCsv(res.body);
    expect(header).toEqual([
      'Processor name',
      'Processor contact details',
      'Data protection officer',
      ...processorRecordColumns,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[3]).toContain('Nordic Brands AB');
    expect(rows[0]?.[4]).toContain('Fulfilment for marketplace partners');
    const html = await get('/api/admin/ropa.html?record=processor');
    expect(html.body).toContain('processor (Art. 30(2) GDPR)');
    expect((await get('/api/admin/ropa.csv?record=nobody')).statusCode).toBe(400);
    expect((await get('/api/admin/ropa.csv', {})).statusCode).toBe(401);
  });

  it('publishes the notice fragments without sign-in, with the demo purposes and no internal fields', async () => {
    const purposes = await get('/api/public/notice/purposes', {});
    expect(purposes.statusCode).toBe(200);
    expect(purposes.headers['access-control-allow-origin']).toBe('*');
    const list = purposes.json().purposes as {
      name: string;
      legalBasis: { name: string } | null;
      retention: string[];
    }[];
    expect(list.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'Customer support',
        'Fraud prevention',
        'Invoices and bookkeeping',
        'Marketing newsletter',
        'Order fulfilment',
        'Web analytics',
      ]),
    );
    const fraud = purposes.json().purposes.find((p: { key: string }) => p.key === 'fraud_prevention');
    expect(fraud).toMatchObject({
      legalBasis: { code: '6.1.f', article: 'Art. 6(1)(f) GDPR', name: 'Our legitimate interests' },
      legitimateInterest: expect.stringContaining('Preventing payment fraud'),
      legitimateInterestAssessment: null,
      retention: ['1 year'],
    });
    const invoices = list.find((p) => p.name === 'Invoices and bookkeeping');
    expect(invoices?.legalBasis?.name).toBe('Compliance with a legal obligation');
    expect(invoices?.retention[0]).toMatch(/^10 years/);

    const processors = (await get('/api/public/notice/processors', {})).json().processors;
    expect(processors).toContainEqual(
      expect.objectContaining({
        name: 'Mailcourier Inc.',
        country: 'United States (US)',
        transferSafeguards: [expect.stringContaining('Standard contractual clauses')],
      }),
    );
    const retention = (await get('/api/public/notice/retention', {})).json().retention;
    expect(retention).toContainEqual(
      expect.objectContaining({
        purpose: 'Order fulfilment',
        retention: expect.arrayContaining([expect.stringMatching(/^6 years/)]),
      }),
    );

    for (const name of ['purposes', 'processors', 'retention']) {
      for (const url of [`/api/public/notice/${name}`, `/api/public/notice/${name}.html`]) {
        const res = await get(url, {});
        expect(res.statusCode).toBe(200);
        for (const secret of [
          'Purpose test',
          'Score thresholds',
          'Renewal due',
          'contracts.demo-shop.example',
          'privacy@mailcourier',
          '2023-11-02',
          'Nordic Brands',
          'internalNotes',
        ]) {
          expect({ url, leaked: res.body.includes(secret) ? secret : null }).toEqual({ url, leaked: null });
        }
      }
    }
    const html = await get('/api/public/notice/purposes.html', {});
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toMatch(
      /^<section class="privet-notice privet-notice-purposes" aria-labelledby="privet-notice-purposes-caption">/,
    );
    expect(html.body).toContain(
      '<th scope="row">Order fulfilment: Taking, paying for and delivering your orders, and handling returns.</th>',
    );
    expect(html.body).toContain('Performance of a contract with you (Art. 6(1)(b) GDPR)');
    expect(html.body).not.toMatch(/<(script|style|html|body)\b/);
  });
});
