import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import { SHOP_NONCE } from './banner-page.ts';
import {
  bannerDialog,
  consentCommands,
  consentEvents,
  deviceIdOf,
  latestByCategory,
  scriptFlags,
  storedState,
  waitForQueueEmpty,
} from './banner-steps.ts';
import { screenshot } from './launch-chromium.ts';

describe('banner choices in Chromium (shop on another origin, strict CSP)', () => {
  let harness: BannerHarness;

  beforeAll(async () => {
    harness = await startBannerHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('accept all: records every category as given, runs the blocked scripts with their nonce, grants Consent Mode', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    const dialog = bannerDialog(page);
    await dialog.waitFor();
    await screenshot(page, 'banner-first-visit');
    // Before any choice: nothing blocked has run, Consent Mode defaults to denied and waits for the banner.
    expect(await scriptFlags(page)).toEqual({
      analyticsInline: undefined,
      analyticsExternal: undefined,
      analyticsNonce: undefined,
      marketingRan: undefined,
    });
    const [first] = await consentCommands(page);
    expect(first?.slice(0, 2)).toEqual(['consent', 'default']);
    expect(first?.[2]).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'denied',
      wait_for_update: 500,
    });
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    await expect(dialog.getByRole('link', { name: 'Privacy notice' }).count()).resolves.toBe(1);

    await dialog.getByRole('button', { name: 'Accept all' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => 'analyticsExternal' in window);
    expect(await scriptFlags(page)).toEqual({
      analyticsInline: 1,
      analyticsExternal: 1,
      analyticsNonce: SHOP_NONCE,
      marketingRan: true,
    });
    const commands = await consentCommands(page);
    expect(commands.at(-1)?.slice(0, 2)).toEqual(['consent', 'update']);
    expect(commands.at(-1)?.[2]).toMatchObject({
      analytics_storage: 'granted',
      ad_storage: 'granted',
      ad_user_data: 'granted',
      ad_personalization: 'granted',
      functionality_storage: 'granted',
    });
    const all = { necessary: true, preferences: true, analytics: true, marketing: true };
    expect(await consentEvents(page)).toEqual([
      { choices: all, method: 'banner', noticeVersion: expect.any(String) },
    ]);
    expect(await page.evaluate(() => window.Privet?.getConsent())).toEqual(all);

    await waitForQueueEmpty(page);
    const { consent } = await storedState(page);
    expect(consent?.deviceId).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(consent?.choices).toEqual(all);
    const events = await harness.history(await deviceIdOf(page));
    expect(latestByCategory(events)).toEqual({
      preferences: 'given/banner',
      analytics: 'given/banner',
      marketing: 'given/banner',
    });
    expect(
      events.every((event) => event.noticeVersion === consent?.noticeVersion && event.language === 'en'),
    ).toBe(true);

    // The next page: no banner, consented scripts run at once, no second event.
    await page.goto(`${harness.site.url}/deep/page`);
    await page.waitForFunction(() => 'analyticsExternal' in window);
    expect(await bannerDialog(page).count()).toBe(0);
    expect((await harness.history(await deviceIdOf(page))).length).toBe(events.length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reject all: records the optional categories as withdrawn and runs nothing blocked', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).getByRole('button', { name: 'Reject all' }).click();
    await bannerDialog(page).waitFor({ state: 'detached' });
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toEqual({
      preferences: 'withdrawn/banner',
      analytics: 'withdrawn/banner',
      marketing: 'withdrawn/banner',
    });
    expect((await consentCommands(page)).at(-1)?.[2]).toMatchObject({
      analytics_storage: 'denied',
      ad_storage: 'denied',
    });
    // The external script would have had all the time it needs by now.
    await page.reload();
    await page.waitForLoadState('load');
    expect(await scriptFlags(page)).toMatchObject({
      analyticsInline: undefined,
      analyticsExternal: undefined,
    });
    expect(await bannerDialog(page).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('custom choice: required on and disabled, only the switched-on category runs; preferences reopen and change it', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    const dialog = bannerDialog(page);
    await dialog.getByRole('button', { name: 'Customize' }).click();
    const necessary = dialog.getByRole('switch', { name: 'Strictly necessary' });
    expect(await necessary.getAttribute('aria-checked')).toBe('true');
    expect(await necessary.isDisabled()).toBe(true);
    expect(await dialog.getByRole('switch', { name: 'Analytics' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    await dialog.getByRole('switch', { name: 'Analytics' }).click();
    await screenshot(page, 'banner-customize');
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await page.waitForFunction(() => 'analyticsExternal' in window);
    expect(await scriptFlags(page)).toMatchObject({ analyticsInline: 1, marketingRan: undefined });
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toEqual({
      preferences: 'withdrawn/banner',
      analytics: 'given/banner',
      marketing: 'withdrawn/banner',
    });

    // Privet.showPreferences() reopens with the switches as chosen.
    await page.evaluate(() => window.Privet?.showPreferences());
    const analytics = bannerDialog(page).getByRole('switch', { name: 'Analytics' });
    expect(await analytics.getAttribute('aria-checked')).toBe('true');
    await screenshot(page, 'banner-preferences');
    await bannerDialog(page).getByRole('switch', { name: 'Marketing' }).click();
    await bannerDialog(page).getByRole('button', { name: 'Save choices' }).click();
    await page.waitForFunction(() => 'marketingRan' in window);
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toMatchObject({
      analytics: 'given/banner',
      marketing: 'given/banner',
    });
    expect(await page.evaluate(() => window.Privet?.getConsent())).toEqual({
      necessary: true,
      preferences: false,
      analytics: true,
      marketing: true,
    });
    // Analytics already ran once; reconsenting must not run it twice.
    expect(await scriptFlags(page)).toMatchObject({ analyticsInline: 1, analyticsExternal: 1 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
