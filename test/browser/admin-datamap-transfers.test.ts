import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('transfers, per-category retention and taxonomy extensions in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;
  const admin = { email: 'ada@example.test', password: PASSWORD };
  const apiGet = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${testApp.url}${path}`, {
      headers: { authorization: `Bearer ${await testApp.apiKey('viewer')}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    await seedDemo({ store: testApp.store, clock: systemClock, config: testApp.config });
    await testApp.createUser({ ...admin, role: 'admin' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('an admin records a transfer with its safeguard, and the API has it', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap/transfers', admin, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('heading', { level: 1, name: 'Transfers' }).waitFor();
    await page.getByRole('status').filter({ hasText: '1 transfer.' }).waitFor();
    await page.getByRole('link', { name: 'Add a transfer' }).click();
    await page.getByRole('heading', { level: 1, name: 'New transfer' }).waitFor();

    // A country that is not an ISO code is refused beside its field, and nothing is stored.
    await page.getByLabel('Recipient').selectOption('helpdesk_saas');
    await page.getByLabel('Destination country').fill('India');
    await page.getByLabel('Safeguard', { exact: true }).selectOption('bcr');
    await page.getByRole('button', { name: 'Create transfer' }).click();
    await page.getByRole('alert').filter({ hasText: 'The transfer was not saved' }).waitFor();
    expect(await page.getByLabel('Destination country').getAttribute('aria-invalid')).toBe('true');
    expect((await apiGet<{ transfers: unknown[] }>('/api/admin/transfers')).transfers).toHaveLength(1);

    await page.getByLabel('Destination country').fill('IN');
    await page.getByLabel('From the system (optional)').selectOption('support_desk');
    await page.getByLabel('Safeguard reference').fill('HelpDesk group BCR, approved 2022');
    await page.getByRole('button', { name: 'Create transfer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Transfer to IN' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await screenshot(page, 'admin-datamap-transfer');

    const { transfers } = await apiGet<{ transfers: Record<string, unknown>[] }>('/api/admin/transfers');
    expect(transfers).toHaveLength(2);
    expect(transfers[1]).toMatchObject({
      recipientKey: 'helpdesk_saas',
      systemKey: 'support_desk',
      destinationCountry: 'IN',
      safeguard: 'bcr',
      safeguardReference: 'HelpDesk group BCR, approved 2022',
    });
    expect(page.url()).toBe(`${testApp.url}/admin/datamap/transfers/${String(transfers[1]?.id)}`);

    await page.getByRole('link', { name: '← Back to the transfers' }).click();
    const row = page.getByRole('row').filter({ hasText: 'HelpDesk SaaS' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Binding corporate rules (Art. 47)');
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('an admin adds a custom data category and a retention rule for it, and the API has both', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/datamap/taxonomy', admin, {
      viewport: { width: 1280, height: 900 },
    });
    await page.getByRole('heading', { level: 1, name: 'Taxonomy' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'There are no custom keys yet.' }).waitFor();
    await page.getByLabel('Vocabulary').selectOption('data_category');
    await page.getByLabel('Under').selectOption('user.unique_id');
    await page.getByLabel('Key', { exact: true }).fill('loyalty_card');
    await page.getByLabel('Name', { exact: true }).fill('Loyalty card number');
    await page.getByRole('button', { name: 'Add key' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Added user.unique_id.loyalty_card. 1 custom key.' })
      .waitFor();
    expect(await page.getByRole('table', { name: 'Custom keys' }).textContent()).toContain(
      'Loyalty card number',
    );
    await screenshot(page, 'admin-datamap-taxonomy');

    const taxonomy = await apiGet<{ dataCategories: Record<string, unknown>[] }>('/api/admin/taxonomy');
    expect(taxonomy.dataCategories.find((e) => e.key === 'user.unique_id.loyalty_card')).toEqual({
      key: 'user.unique_id.loyalty_card',
      name: 'Loyalty card number',
      description: '',
      parentKey: 'user.unique_id',
      custom: true,
      sensitivity: null,
    });

    // The new key is offered for a retention rule of a purpose.
    await page.goto(`${testApp.url}/admin/datamap/purposes/order_fulfilment`);
    await page.getByRole('button', { name: 'Add a retention rule' }).waitFor();
    const before = await page.getByRole('button', { name: /^Remove retention rule/ }).count();
    await page.getByRole('button', { name: 'Add a retention rule' }).click();
    const n = before + 1;
    await page.getByLabel(`Data category ${n}`).selectOption('user.unique_id.loyalty_card');
    await page.getByLabel(`Period ${n}`).fill('P1Y');
    await page.getByLabel(`Criteria ${n}`).fill('after the card is cancelled');
    await page.getByRole('button', { name: 'Save purpose' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const purpose = await apiGet<{ retentionByCategory: unknown[] }>('/api/admin/purposes/order_fulfilment');
    expect(purpose.retentionByCategory).toHaveLength(n);
    expect(purpose.retentionByCategory[n - 1]).toEqual({
      dataCategory: 'user.unique_id.loyalty_card',
      period: 'P1Y',
      criteria: 'after the card is cancelled',
    });
    expect(problems).toEqual([]);
    await page.context().close();
  }, 120_000);
});
