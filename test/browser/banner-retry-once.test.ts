import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import { startSwitchableRelay, type SwitchableRelay } from './banner-outage.ts';
import { shopCsp, shopPage } from './banner-page.ts';
import { bannerDialog, deviceIdOf, storedState, waitForQueueEmpty } from './banner-steps.ts';

describe('a choice the banner sends twice is recorded once, in Chromium', () => {
  let harness: BannerHarness;
  let relay: SwitchableRelay;

  beforeAll(async () => {
    harness = await startBannerHarness();
    relay = await startSwitchableRelay(harness.testApp.url);
    const page = shopPage({ privetOrigin: harness.testApp.url, apiOrigin: relay.url });
    harness.site.put('/relayed', page, { csp: shopCsp(harness.testApp.url, relay.url) });
  }, 120_000);

  afterAll(async () => {
    await relay?.close();
    await harness?.stop();
  });

  it('beacons the queued choice on leaving, sends it again on the next page, and the ledger holds it once', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(`${harness.site.url}/relayed`);
    await bannerDialog(page).waitFor();
    await relay.down();
    await bannerDialog(page).getByRole('button', { name: 'Reject all' }).click();
    await expect.poll(async () => (await storedState(page)).queue.length, { timeout: 10_000 }).toBe(1);
    const deviceId = await deviceIdOf(page);
    await relay.up();
    // The beacon delivers it, but is never confirmed: the choice stays queued.
    await page.goto(`${harness.site.url}/elsewhere`);
    await expect.poll(async () => (await harness.history(deviceId)).length, { timeout: 10_000 }).toBe(3);
    expect((await storedState(page)).queue).toHaveLength(1);
    // The next page with the banner sends the same body again; the server answers it from the first post.
    await page.goto(`${harness.site.url}/relayed`);
    await waitForQueueEmpty(page);
    expect(await harness.history(deviceId)).toHaveLength(3);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
