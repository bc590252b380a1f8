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

interface NoticeVersions {
  versions: { version: string; purposeKeys: string[]; publishedAt: string | null }[];
}

describe('banner asks again in Chromium', () => {
  let harness: BannerHarness;
  let published = 0;

  beforeAll(async () => {
    harness = await startBannerHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Publishes a new notice version through the admin API, covering the same purposes. */
  async function publishNewVersion(): Promise<string> {
    const { json } = await harness.admin('GET', '/api/admin/notices/versions');
    const [current] = (json as NoticeVersions).versions.filter((v) => v.publishedAt !== null);
    const version = `2026-next-${++published}`;
    const created = await harness.admin('POST', '/api/admin/notices/versions', {
      version,
      text: `Privacy notice, revision ${published}: we now also keep analytics for 14 months.`,
      purposeKeys: current?.purposeKeys ?? [],
      publish: true,
    });
    expect(created.status).toBe(201);
    return version;
  }

  // The configuration may be cached for a minute (Cache-Control max-age=60): a visitor sees a new version
  // within that time. The test clears the cache instead of waiting.
  async function clearHttpCache(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }

  it('after a new notice version is published, prefilled with the earlier choices, and records under the new version', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).getByRole('button', { name: 'Customize' }).click();
    await bannerDialog(page).getByRole('switch', { name: 'Analytics' }).click();
    await bannerDialog(page).getByRole('button', { name: 'Save choices' }).click();
    await waitForQueueEmpty(page);
    const before = (await storedState(page)).consent?.noticeVersion;

    const version = await publishNewVersion();
    await clearHttpCache(page);
    await page.reload();
    const dialog = bannerDialog(page);
    await dialog.waitFor();
    // Until the visitor answers, the earlier choice stays in effect: analytics ran straight away.
    expect(
      await page.evaluate(() => (window as unknown as { analyticsInline?: number }).analyticsInline),
    ).toBe(1);
    await dialog.getByRole('button', { name: 'Customize' }).click();
    expect(await dialog.getByRole('switch', { name: 'Analytics' }).getAttribute('aria-checked')).toBe('true');
    expect(await dialog.getByRole('switch', { name: 'Marketing' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    await screenshot(page, 'banner-reconsent');
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await waitForQueueEmpty(page);

    const events = await harness.history(await deviceIdOf(page));
    expect(new Set(events.map((event) => event.noticeVersion))).toEqual(new Set([before, version]));
    expect(latestByCategory(events.filter((event) => event.noticeVersion === version))).toEqual({
      preferences: 'withdrawn/banner',
      analytics: 'given/banner',
      marketing: 'withdrawn/banner',
    });
    expect((await storedState(page)).consent?.noticeVersion).toBe(version);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('when the version changes while the banner is open: the refused post makes it fetch and ask again', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).waitFor();
    const version = await publishNewVersion();
    await bannerDialog(page).getByRole('button', { name: 'Accept all' }).click();
    // The post names the old version: 400, then the banner reloads the configuration past the cache.
    await bannerDialog(page).waitFor();
    await bannerDialog(page).getByRole('button', { name: 'Accept all' }).click();
    await waitForQueueEmpty(page);
    const events = await harness.history(await deviceIdOf(page));
    expect(events.map((event) => event.noticeVersion)).toEqual([version, version, version]);
    expect(latestByCategory(events)).toMatchObject({ analytics: 'given/banner' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('after a category is added', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).getByRole('button', { name: 'Reject all' }).click();
    await waitForQueueEmpty(page);
    const { json } = await harness.admin('GET', '/api/admin/consent/categories/analytics');
    const added = await harness.admin('POST', '/api/admin/consent/categories', {
      key: 'social',
      purposeKey: (json as { purposeKey: string }).purposeKey,
      texts: { en: { title: 'Social media', description: 'Share buttons and embedded posts.' } },
      position: 40,
    });
    expect(added.status).toBe(201);
    await clearHttpCache(page);
    await page.reload();
    const dialog = bannerDialog(page);
    await dialog.getByRole('button', { name: 'Customize' }).click();
    expect(await dialog.getByRole('switch', { name: 'Social media' }).getAttribute('aria-checked')).toBe(
      'false',
    );
    await dialog.getByRole('switch', { name: 'Social media' }).click();
    await dialog.getByRole('button', { name: 'Save choices' }).click();
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toEqual({
      preferences: 'withdrawn/banner',
      analytics: 'withdrawn/banner',
      marketing: 'withdrawn/banner',
      social: 'given/banner',
    });
    expect(problems).toEqual([]);
    await context.close();
  });
});
