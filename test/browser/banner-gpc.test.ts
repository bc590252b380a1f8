import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import {
  bannerDialog,
  deviceIdOf,
  latestByCategory,
  scriptFlags,
  waitForQueueEmpty,
} from './banner-steps.ts';
import { screenshot } from './launch-chromium.ts';

describe('banner with Global Privacy Control in Chromium', () => {
  let harness: BannerHarness;

  beforeAll(async () => {
    harness = await startBannerHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('records the opt-out with method gpc at once, keeps marketing off on "Accept all", and an explicit switch overrides it', async () => {
    const { page, problems, context } = await harness.newVisitor({ gpc: true });
    await page.goto(harness.site.url);
    const dialog = bannerDialog(page);
    await dialog.waitFor();
    await expect(dialog.getByText('Global Privacy Control').count()).resolves.toBe(1);
    await screenshot(page, 'banner-gpc');
    await waitForQueueEmpty(page);
    const deviceId = await deviceIdOf(page);
    // The signal alone, before any click: marketing withdrawn by GPC, nothing else decided.
    const atLoad = await harness.history(deviceId);
    expect(latestByCategory(atLoad)).toEqual({ marketing: 'withdrawn/gpc' });
    expect(atLoad[0]?.gpc).toBe(true);

    await dialog.getByRole('button', { name: 'Customize' }).click();
    expect(await dialog.getByRole('switch', { name: 'Marketing' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    await dialog.getByRole('button', { name: 'Accept all' }).click();
    await page.waitForFunction(() => 'analyticsExternal' in window);
    await waitForQueueEmpty(page);
    expect(await scriptFlags(page)).toMatchObject({ analyticsInline: 1, marketingRan: undefined });
    expect(latestByCategory(await harness.history(deviceId))).toEqual({
      preferences: 'given/banner',
      analytics: 'given/banner',
      marketing: 'withdrawn/gpc',
    });

    // Switching marketing on is the visitor's own choice: it beats the signal.
    await page.evaluate(() => window.Privet?.showPreferences());
    await bannerDialog(page).getByRole('switch', { name: 'Marketing' }).click();
    await bannerDialog(page).getByRole('button', { name: 'Save choices' }).click();
    await page.waitForFunction(() => 'marketingRan' in window);
    await waitForQueueEmpty(page);
    const afterOverride = await harness.history(deviceId);
    expect(latestByCategory(afterOverride)).toMatchObject({ marketing: 'given/banner' });
    expect(afterOverride.at(-1)?.gpc).toBe(true);

    // The next page keeps the explicit choice and does not record the signal again.
    await page.goto(`${harness.site.url}/deep/page`);
    await page.waitForFunction(() => 'marketingRan' in window);
    await page.waitForLoadState('networkidle');
    expect(await bannerDialog(page).count()).toBe(0);
    expect((await harness.history(deviceId)).length).toBe(afterOverride.length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without GPC, marketing is an ordinary opt-in category', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).waitFor();
    expect(await bannerDialog(page).getByText('Global Privacy Control').count()).toBe(0);
    await bannerDialog(page).getByRole('button', { name: 'Accept all' }).click();
    await page.waitForFunction(() => 'marketingRan' in window);
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toMatchObject({
      marketing: 'given/banner',
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
