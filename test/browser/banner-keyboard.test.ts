import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import {
  bannerDialog,
  deviceIdOf,
  latestByCategory,
  storedState,
  waitForQueueEmpty,
} from './banner-steps.ts';
import { screenshot } from './launch-chromium.ts';

/** The focused element inside the banner's shadow root: its accessible label and outline. */
function focused(page: Page): Promise<{ label: string; inDialog: boolean; outline: string } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-privet]');
    const active = host?.shadowRoot?.activeElement;
    if (!host || document.activeElement !== host || !(active instanceof HTMLElement)) return null;
    const labelledBy = active.getAttribute('aria-labelledby');
    const label =
      active.getAttribute('aria-label') ??
      (labelledBy ? host.shadowRoot?.getElementById(labelledBy)?.textContent : active.textContent) ??
      '';
    const style = getComputedStyle(active);
    return {
      label,
      inDialog: active.closest('dialog') !== null,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

describe('banner by keyboard only in Chromium', () => {
  let harness: BannerHarness;

  beforeAll(async () => {
    harness = await startBannerHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('moves focus in, keeps Tab and Shift+Tab inside, shows focus, toggles with Space and Enter', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).waitFor();
    expect(await focused(page)).toMatchObject({ label: 'Reject all', inDialog: true });

    // Forward through every control and around: focus never leaves the dialog.
    const forward: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now?.inDialog).toBe(true);
      expect(now?.outline).toBe('solid 3px');
      forward.push(now?.label ?? '');
    }
    expect(forward).toEqual([
      'Customize',
      'Accept all',
      'Close',
      'Privacy notice',
      'Reject all',
      'Customize',
    ]);
    await screenshot(page, 'banner-keyboard-focus');
    const backward: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Shift+Tab');
      backward.push((await focused(page))?.label ?? '');
    }
    expect(backward).toEqual(['Reject all', 'Privacy notice', 'Close', 'Accept all']);

    // Customize with Enter: focus goes to the first switch one can change.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.label).toBe('Customize');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ label: 'Preferences' });
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.label).toBe('Analytics');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await focused(page))?.label).toBe('Marketing');
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    const switches = bannerDialog(page).getByRole('switch');
    expect(await switches.evaluateAll((all) => all.map((s) => s.getAttribute('aria-checked')))).toEqual([
      'true',
      'true',
      'true',
      'false',
    ]);
    await screenshot(page, 'banner-keyboard-switches');
    // The disabled required switch is skipped; the order wraps within the dialog.
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      order.push((await focused(page))?.label ?? '');
    }
    expect(order).toEqual([
      'Reject all',
      'Save choices',
      'Accept all',
      'Close',
      'Privacy notice',
      'Preferences',
    ]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.label).toBe('Accept all');
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page))?.label).toBe('Save choices');
    await page.keyboard.press('Enter');
    await bannerDialog(page).waitFor({ state: 'detached' });
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toEqual({
      preferences: 'given/banner',
      analytics: 'given/banner',
      marketing: 'withdrawn/banner',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('Escape on a first visit refuses what is undecided; Escape on reopened preferences changes nothing', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).waitFor();
    await page.keyboard.press('Escape');
    await bannerDialog(page).waitFor({ state: 'detached' });
    await waitForQueueEmpty(page);
    const deviceId = await deviceIdOf(page);
    const events = await harness.history(deviceId);
    expect(latestByCategory(events)).toEqual({
      preferences: 'withdrawn/banner',
      analytics: 'withdrawn/banner',
      marketing: 'withdrawn/banner',
    });
    expect(await page.evaluate(() => 'analyticsInline' in window)).toBe(false);

    // The shop's own "Cookie settings" button: focus returns to it when the dialog closes.
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.textContent = 'Cookie settings';
      button.onclick = () => window.Privet?.showPreferences();
      document.body.append(button);
      button.focus();
    });
    await page.keyboard.press('Enter');
    await bannerDialog(page).waitFor();
    expect((await focused(page))?.label).toBe('Preferences');
    await page.keyboard.press('Escape');
    await bannerDialog(page).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cookie settings');
    expect((await storedState(page)).queue).toEqual([]);
    expect((await harness.history(deviceId)).length).toBe(events.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});
