import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';
import { shim } from './tmp-shim.ts';

describe('privacy center in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true, beforeReady: shim });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  it('shows the landing page with the rights, each leading to its page', async () => {
    const page = await browser.newPage();
    const problems = collectPageProblems(page);

    await page.goto(testApp.url);
    await page.getByRole('heading', { level: 1, name: 'Your data, your rights' }).waitFor();
    expect(await page.title()).toBe('Your data, your rights · Privacy center');
    const rights = page.getByRole('region', { name: 'What you can do' }).getByRole('listitem');
    expect(await rights.count()).toBe(6);
    await screenshot(page, 'center-landing');

    await page.getByRole('link', { name: 'Delete your data' }).click();
    await page.waitForURL(/\/rights\/delete$/);
    await page.getByRole('heading', { level: 1, name: 'Delete your data' }).waitFor();
    await screenshot(page, 'center-coming-soon');

    // A client route loaded directly comes from the server too.
    await page.goto(`${testApp.url}/privacy-notice`);
    await page.getByRole('heading', { level: 1, name: 'Privacy notice' }).waitFor();

    expect(problems).toEqual([]);
    await page.close();
  });
});
