import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import { startSwitchableRelay, type SwitchableRelay } from './banner-outage.ts';
import { shopCsp, shopPage } from './banner-page.ts';
import {
  bannerDialog,
  deviceIdOf,
  latestByCategory,
  storedState,
  waitForQueueEmpty,
} from './banner-steps.ts';

describe('banner delivery when Privet cannot be reached, in Chromium', () => {
  let harness: BannerHarness;
  let relay: SwitchableRelay;

  beforeAll(async () => {
    harness = await startBannerHarness();
    // The banner script comes from Privet; its API calls go through a relay the tests can switch off.
    relay = await startSwitchableRelay(harness.testApp.url);
    const page = shopPage({ privetOrigin: harness.testApp.url, apiOrigin: relay.url });
    harness.site.put('/relayed', page, { csp: shopCsp(harness.testApp.url, relay.url) });
  });

  beforeEach(async () => {
    await relay.up();
  });

  afterAll(async () => {
    await relay?.close();
    await harness?.stop();
  });

  /** Counts the banner's failed consent posts (fetches only: a failing beacon is not seen by the page). */
  function countFailedPosts(page: Page): { readonly count: number } {
    const failed = { count: 0 };
    page.on('requestfailed', (request) => {
      if (request.url() === `${relay.url}/api/public/consent`) failed.count++;
    });
    return failed;
  }

  it('keeps the choice queued, retries with backoff, and sends it on the next page load', async () => {
    const { page, problems, context } = await harness.newVisitor();
    const failed = countFailedPosts(page);
    await page.goto(`${harness.site.url}/relayed`);
    await bannerDialog(page).waitFor();
    await relay.down();
    await bannerDialog(page).getByRole('button', { name: 'Accept all' }).click();
    // The choice works locally at once, though the server did not get it.
    await page.waitForFunction(() => 'marketingRan' in window);
    await expect.poll(() => failed.count, { timeout: 10_000 }).toBe(1);
    expect((await storedState(page)).queue).toHaveLength(1);
    // The first retry comes 2 s later.
    await expect.poll(() => failed.count, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const deviceId = await deviceIdOf(page);
    // Leaving for a page without the banner: its beacon fails too, the server is still down.
    await page.goto(`${harness.site.url}/elsewhere`);
    expect((await storedState(page)).queue).toHaveLength(1);
    expect(await harness.history(deviceId)).toEqual([]);

    await relay.up();
    await page.goto(`${harness.site.url}/relayed`);
    await waitForQueueEmpty(page);
    expect(await bannerDialog(page).count()).toBe(0);
    expect(latestByCategory(await harness.history(deviceId))).toEqual({
      preferences: 'given/banner',
      analytics: 'given/banner',
      marketing: 'given/banner',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sends what is still queued with sendBeacon when the page is left', async () => {
    const { page, problems, context } = await harness.newVisitor();
    const failed = countFailedPosts(page);
    await page.goto(`${harness.site.url}/relayed`);
    await bannerDialog(page).waitFor();
    await relay.down();
    await bannerDialog(page).getByRole('button', { name: 'Reject all' }).click();
    await expect.poll(() => failed.count, { timeout: 10_000 }).toBe(1);
    const deviceId = await deviceIdOf(page);
    // Back up, but the next retry is seconds away: leaving the page must not lose the choice.
    await relay.up();
    await page.goto(`${harness.site.url}/elsewhere`);
    // Only the beacon can have delivered it: this page has no banner.
    await expect
      .poll(async () => latestByCategory(await harness.history(deviceId)), { timeout: 10_000 })
      .toEqual({
        preferences: 'withdrawn/banner',
        analytics: 'withdrawn/banner',
        marketing: 'withdrawn/banner',
      });
    // Still queued (a beacon is never confirmed): the next page sends it again, at least once delivery.
    expect((await storedState(page)).queue).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
