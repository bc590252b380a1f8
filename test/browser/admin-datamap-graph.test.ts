import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { navLinks, signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

// Every collection of the demo shop's dataset (src/demo/demo-shop/demo-shop-dataset.yml).
const demoCollections = [
  'customers',
  'addresses',
  'orders',
  'order_lines',
  'products',
  'payments',
  'invoices',
  'newsletter_subscriptions',
  'support_tickets',
  'web_visits',
  'staff',
];

describe('data map overview and graph in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    await seedDemo({ store: testApp.store, clock: systemClock, config: testApp.config });
    await testApp.createUser({ email: 'vera@example.test', password: PASSWORD, role: 'viewer' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('the graph page of the demo data map draws every collection, the identity roots and the staff apart', async () => {
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/datamap/graph',
      { email: 'vera@example.test', password: PASSWORD },
      { viewport: { width: 1440, height: 1000 } },
    );
    await page.getByRole('heading', { level: 1, name: 'Graph' }).waitFor();
    expect(await navLinks(page)).toEqual(
      expect.arrayContaining([
        'Data map',
        'Graph',
        'Datasets',
        'Systems',
        'Purposes',
        'Recipients',
        'Connections',
      ]),
    );
    const graph = page.getByRole('img', { name: 'Collections and references of demo_shop' });
    await graph.waitFor();

    const nodes = graph.locator('g.graph-node');
    expect(await nodes.count()).toBe(demoCollections.length);
    for (const name of demoCollections) {
      const node = graph.locator(`g.graph-node[data-collection="${name}"]`);
      expect(await node.isVisible(), name).toBe(true);
      expect(await node.locator('text.graph-node-name').textContent(), 'the whole name fits').toBe(name);
    }

    const classesOf = async (name: string) =>
      ((await graph.locator(`g.graph-node[data-collection="${name}"]`).getAttribute('class')) ?? '').split(
        ' ',
      );
    // The identity roots: customers (email, phone, loyalty id) and newsletter subscriptions (email).
    expect(await classesOf('customers')).toContain('graph-node-identity');
    expect(await classesOf('newsletter_subscriptions')).toContain('graph-node-identity');
    expect(await graph.locator('g.graph-node-identity').count()).toBe(2);
    expect(await graph.locator('g[data-collection="customers"] .graph-node-mark').count()).toBe(1);
    expect(
      await graph.locator('g[data-collection="customers"] text.graph-node-meta').textContent(),
    ).toContain('identity: email, phone_number, loyalty_id');
    // Staff are another kind of person; products a catalogue.
    expect(await classesOf('staff')).toContain('graph-node-other-subject');
    expect(await classesOf('staff')).not.toContain('graph-node-identity');
    expect(await graph.locator('g[data-collection="staff"] text.graph-node-meta').textContent()).toContain(
      'subject: employee',
    );
    expect(await classesOf('products')).toContain('graph-node-catalogue');

    // Identity roots on the left, then by reference distance: customers → orders → order lines → products.
    const x = async (name: string) =>
      (await graph.locator(`g.graph-node[data-collection="${name}"]`).boundingBox())?.x ?? Number.NaN;
    expect(await x('customers')).toBe(await x('newsletter_subscriptions'));
    expect(await x('customers')).toBeLessThan(await x('orders'));
    expect(await x('orders')).toBeLessThan(await x('order_lines'));
    expect(await x('order_lines')).toBeLessThan(await x('products'));
    expect(await x('orders')).toBe(await x('support_tickets'));
    expect(await x('support_tickets')).toBeLessThan(await x('staff'));

    // One arrow per reference in the dataset, drawn from the side whose value finds the rows.
    expect(await graph.locator('path.graph-edge').count()).toBe(11);
    expect(await graph.locator('path.graph-edge[data-from="customers"][data-to="orders"]').count()).toBe(1);
    expect(await graph.locator('path.graph-edge[data-from="support_tickets"][data-to="staff"]').count()).toBe(
      1,
    );

    // The same for screen readers, as a table.
    const table = page.getByRole('table', { name: 'Collections and references' });
    expect(await table.getByRole('row').count()).toBe(demoCollections.length + 1);
    const staffRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'staff' }) });
    expect(await staffRow.textContent()).toContain('subject: employee');
    expect(await page.getByRole('list', { name: 'Legend' }).textContent()).toContain(
      'Another kind of person',
    );
    await screenshot(page, 'admin-datamap-graph');

    // The table leads to the collection in the dataset page.
    await table.getByRole('link', { name: 'staff' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo shop' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^staff/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Fields of customers' }).textContent()).toContain(
      'loyalty_id',
    );
    await screenshot(page, 'admin-datamap-dataset');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('the overview shows the counts, both checks and the record of processing downloads', async () => {
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/datamap',
      { email: 'vera@example.test', password: PASSWORD },
      { viewport: { width: 1280, height: 900 } },
    );
    await page.getByRole('heading', { level: 1, name: 'Data map' }).waitFor();
    const counts = page.locator('.datamap-counts');
    await counts.getByText('Purposes').waitFor();
    await page
      .getByRole('region', { name: 'Datasets and references' })
      .getByText('No problems found.')
      .waitFor();
    await page
      .getByRole('region', { name: 'Purposes, systems and recipients' })
      .getByText('No problems found.')
      .waitFor();
    const datasetsTable = page.getByRole('region', { name: 'Datasets', exact: true }).getByRole('table');
    expect(await datasetsTable.textContent()).toMatch(/demo_shop.*Demo shop.*11/);

    const csv = page.getByRole('link', { name: 'CSV of the controller record' });
    const response = await page.request.get(`${testApp.url}${await csv.getAttribute('href')}`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('Article 6 lawful basis for processing personal data');
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: /HTML of the controller record/ }).click(),
    ]);
    await popup.waitForLoadState();
    expect(await popup.title()).toMatch(/record of processing/i);
    await popup.close();
    await screenshot(page, 'admin-datamap-overview');

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
