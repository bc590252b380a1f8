import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('organisation settings page in Chromium', () => {
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

  it('an admin sets up the organisation with its time zone and holidays; a bad date is named', async () => {
    await testApp.createUser({ email: 'org@example.test', password: PASSWORD, role: 'admin' });
    const { page } = await signInTo(browser, testApp.url, '/admin/organisation', {
      email: 'org@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await page.getByLabel('Name').fill('Acme GmbH');
    await page.getByLabel('Address').fill('Hauptstr. 1, 10115 Berlin');
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByLabel('Public holidays').fill('2026-12-25\n2026-02-30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Public holidays').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Public holidays').fill('2026-12-26\n2026-12-25\n');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const key = await testApp.apiKey('viewer');
    const stored = (await (
      await fetch(`${testApp.url}/api/admin/organisation`, { headers: { authorization: `Bearer ${key}` } })
    ).json()) as { name: string; timeZone: string; holidays: string[] };
    expect(stored).toMatchObject({ name: 'Acme GmbH', timeZone: 'Europe/Berlin' });
    expect(stored.holidays).toEqual(['2026-12-25', '2026-12-26']);
  });

  it('a viewer sees the settings but cannot change them', async () => {
    await testApp.createUser({ email: 'org-viewer@example.test', password: PASSWORD, role: 'viewer' });
    const { page } = await signInTo(browser, testApp.url, '/admin/organisation', {
      email: 'org-viewer@example.test',
      password: PASSWORD,
    });
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    expect(await page.getByLabel('Name').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
  });
});
