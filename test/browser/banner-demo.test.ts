import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import {
  bannerDialog,
  consentCommands,
  deviceIdOf,
  latestByCategory,
  waitForQueueEmpty,
} from './banner-steps.ts';
import { screenshot } from './launch-chromium.ts';

describe('the demo page Privet serves at /sdk/demo.html, in Chromium', () => {
  let harness: BannerHarness;

  beforeAll(async () => {
    harness = await startBannerHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('shows the banner, and its "Privacy settings" button reopens it; analytics runs only once consented', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(`${harness.testApp.url}/sdk/demo.html`);
    await bannerDialog(page).waitFor();
    await screenshot(page, 'banner-demo-page');
    // The page's own gtag stub came first: the banner used it rather than defining another.
    expect((await consentCommands(page))[0]?.[1]).toBe('default');
    await bannerDialog(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(page.locator('#analytics-status').textContent()).resolves.toBe('blocked');

    await page.getByRole('button', { name: 'Privacy settings' }).click();
    await bannerDialog(page).getByRole('switch', { name: 'Analytics' }).click();
    await bannerDialog(page).getByRole('button', { name: 'Save choices' }).click();
    await expect
      .poll(() => page.locator('#analytics-status').textContent(), { timeout: 10_000 })
      .toBe('running');
    await expect(page.locator('#marketing-status').textContent()).resolves.toBe('blocked');
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toMatchObject({
      analytics: 'given/banner',
      marketing: 'withdrawn/banner',
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
