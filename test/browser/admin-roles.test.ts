import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { navLinks, signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';
const viewerNav = [
  'Overview',
  'Requests',
  'Audit log',
  'Data map',
  'Graph',
  'Datasets',
  'Systems',
  'Purposes',
  'Recipients',
  'Transfers',
  'Taxonomy',
  'Connections',
  'Jobs',
  'Consent records',
  'Banner and notice',
  'Marketing lists',
  'Webhooks',
  'Data Rights Protocol',
  'Organisation',
];

describe('console sections by role in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('a viewer sees neither users, keys nor the outbox, and opening them says "not allowed"', async () => {
    await testApp.createUser({ email: 'vera@example.test', password: PASSWORD, role: 'viewer' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin', {
      email: 'vera@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await navLinks(page)).toEqual(viewerNav);

    for (const [path, label] of [
      ['/admin/api-keys', 'API keys'],
      ['/admin/users', 'Users'],
      ['/admin/outbox', 'Outbox'],
      ['/admin/outbox/mail_anything', 'Outbox'],
    ] as const) {
      await page.goto(`${testApp.url}${path}`);
      await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
      const alert = await page.getByRole('alert').textContent();
      expect(alert, path).toContain(`Your role (viewer) is not allowed to open ${label}`);
      expect(await navLinks(page), 'the console around it still works').toEqual(viewerNav);
      if (path === '/admin/api-keys') await screenshot(page, 'admin-not-allowed');
    }

    // An address no section owns is still "not found", not "not allowed".
    await page.goto(`${testApp.url}/admin/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();

    await page.getByRole('link', { name: 'Go to the overview' }).click();
    await page.getByRole('link', { name: 'Jobs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'There are no jobs yet.' }).waitFor();

    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an operator also sees the outbox, but not users or keys', async () => {
    await testApp.createUser({ email: 'otto@example.test', password: PASSWORD, role: 'operator' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin', {
      email: 'otto@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(await navLinks(page)).toEqual([
      'Overview',
      'Requests',
      'Audit log',
      'Data map',
      'Graph',
      'Datasets',
      'Systems',
      'Purposes',
      'Recipients',
      'Transfers',
      'Taxonomy',
      'Connections',
      'Jobs',
      'Outbox',
      'Consent records',
      'Banner and notice',
      'Marketing lists',
      'Webhooks',
      'Data Rights Protocol',
      'Organisation',
    ]);
    await page.goto(`${testApp.url}/admin/users`);
    await page.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('it needs the admin role');

    expect(problems).toEqual([]);
    await page.context().close();
  });
});
