import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('connections and the scan review in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  const operator = { email: 'otto@example.test', password: PASSWORD };
  const admin = { email: 'ada@example.test', password: PASSWORD };

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    await seedDemo({ store: testApp.store, clock: systemClock, config: testApp.config });
    await testApp.createUser({ ...operator, role: 'operator' });
    await testApp.createUser({ ...admin, role: 'admin' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('an operator tests the demo shop connection and sees it works; scanning and deleting are for admins', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap/connections', operator, {
      viewport: { width: 1280, height: 800 },
    });
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Demo shop' }) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/sqlite.*sqlite:\/.*demo-shop\.db.*demo_shop.*Not tested yet/);
    expect(await row.getByRole('link', { name: 'Scan Demo shop' }).count()).toBe(0);
    expect(await row.getByRole('button', { name: /^Delete/ }).count()).toBe(0);

    await row.getByRole('button', { name: 'Test the connection Demo shop' }).click();
    await page.getByRole('status').filter({ hasText: 'Demo shop: the connection works.' }).waitFor();
    await row.locator('.badge-ok').filter({ hasText: 'ok' }).waitFor();
    await screenshot(page, 'admin-datamap-connections');

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an admin scans the demo shop, reviews the proposals, corrects one and saves them as a dataset', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap/connections', admin, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    await page.getByRole('link', { name: 'Scan Demo shop' }).click();
    await page.getByRole('heading', { level: 1, name: 'Scan Demo shop' }).waitFor();
    await page.getByRole('button', { name: 'Start the scan' }).click();
    await page.getByRole('status').filter({ hasText: 'Proposed 11 collections.' }).waitFor();

    const summary = page.getByRole('region', { name: 'Summary' });
    expect(await summary.textContent()).toContain('staff (employee)');
    const customers = page.getByRole('region', { name: 'customers' });
    expect(await customers.getByLabel('Category of customers.email').inputValue()).toBe('user.contact.email');
    expect(await customers.getByLabel('Identity of customers.email').inputValue()).toBe('email');
    const emailRow = customers
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: /^email/ }) });
    expect(await emailRow.textContent()).toMatch(/\d+%/);
    const staff = page.getByRole('region', { name: /^staff/ });
    expect(await staff.textContent()).toContain('subject: employee');
    expect(await page.getByRole('region', { name: /^products/ }).textContent()).toContain('not personal');
    const orders = page.getByRole('region', { name: 'orders' });
    expect(await orders.getByRole('row').filter({ hasText: 'customer_id' }).textContent()).toContain(
      'customers.id',
    );

    // A staff member's email is not how customers are found: the reviewer takes that identity away.
    await staff.getByLabel('Identity of staff.email').selectOption('');
    await customers.getByLabel('Category of customers.created_at').fill('system.operations');
    await screenshot(page, 'admin-datamap-scan-review');

    const key = page.getByLabel('Dataset key');
    expect(await key.inputValue()).toBe('demo-shop');
    // The key of the curated dataset would replace it: the button says so.
    await key.fill('demo_shop');
    await page.getByRole('button', { name: 'Replace demo_shop' }).waitFor();
    await key.fill('demo_shop_scan');
    await page.getByRole('button', { name: 'Save as dataset' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as the dataset demo_shop_scan.' }).waitFor();

    const saved = await (
      await fetch(`${testApp.url}/api/admin/datasets/demo_shop_scan`, {
        headers: { authorization: `Bearer ${await testApp.apiKey('viewer')}` },
      })
    ).json();
    const staffFields = saved.collections.find((c: { name: string }) => c.name === 'staff').fields;
    expect(staffFields.find((f: { name: string }) => f.name === 'email').fides_meta.identity).toBeUndefined();
    const orderFields = saved.collections.find((c: { name: string }) => c.name === 'orders').fields;
    expect(orderFields.find((f: { name: string }) => f.name === 'customer_id').fides_meta.references).toEqual(
      [{ dataset: 'demo_shop_scan', field: 'customers.id', direction: 'from' }],
    );

    await page.getByRole('link', { name: 'See its graph' }).click();
    const graph = page.getByRole('img', { name: 'Collections and references of demo_shop_scan' });
    await graph.waitFor();
    expect(await graph.locator('g.graph-node').count()).toBe(11);
    expect(await graph.locator('g.graph-node-other-subject[data-collection="staff"]').count()).toBe(1);
    expect(await graph.locator('g.graph-node-identity[data-collection="staff"]').count()).toBe(0);
    await screenshot(page, 'admin-datamap-scan-graph');

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
