import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import { SHOP_HOST } from './banner-site.ts';
import { bannerDialog, deviceIdOf, latestByCategory, waitForQueueEmpty } from './banner-steps.ts';

describe('banner clears a withdrawn category’s cookies in Chromium', () => {
  let harness: BannerHarness;

  beforeAll(async () => {
    harness = await startBannerHarness();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('deletes _ga and _ga_* on the host, the parent domain and the page’s parent paths, and nothing else', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(`${harness.site.url}/deep/page`);
    await bannerDialog(page).getByRole('button', { name: 'Accept all' }).click();
    await waitForQueueEmpty(page);
    // What Google Analytics and the site would set, by script, in the variants a cookie can have.
    await page.evaluate(
      (parent) => {
        const set = (cookie: string): void => {
          document.cookie = `${cookie}; max-age=3600`;
        };
        set('_ga=GA1.1.host; path=/');
        set(`_ga=GA1.1.parent; domain=${parent}; path=/`);
        set('_ga_XYZ=GS1.1.deep; path=/deep');
        set(`_ga_ABC=GS1.1.subdomain; domain=${location.hostname}; path=/deep/`);
        set('_gat=1; path=/');
        set('cart=3 items; path=/');
      },
      SHOP_HOST.slice(SHOP_HOST.indexOf('.') + 1),
    );
    const names = async (): Promise<string[]> =>
      (await context.cookies()).map((cookie) => `${cookie.name} ${cookie.domain} ${cookie.path}`).sort();
    expect(await names()).toEqual([
      '_ga .privet.test /',
      `_ga ${SHOP_HOST} /`,
      `_ga_ABC .${SHOP_HOST} /deep/`,
      `_ga_XYZ ${SHOP_HOST} /deep`,
      `_gat ${SHOP_HOST} /`,
      `cart ${SHOP_HOST} /`,
    ]);

    // Withdraw analytics only.
    await page.evaluate(() => window.Privet?.showPreferences());
    await bannerDialog(page).getByRole('switch', { name: 'Analytics' }).click();
    await bannerDialog(page).getByRole('button', { name: 'Save choices' }).click();
    await bannerDialog(page).waitFor({ state: 'detached' });
    // _gat is not one of the service's patterns (`_ga`, `_ga_*`, `_gid`): it stays, as does the shop's own cookie.
    expect(await names()).toEqual([`_gat ${SHOP_HOST} /`, `cart ${SHOP_HOST} /`]);
    await waitForQueueEmpty(page);
    expect(latestByCategory(await harness.history(await deviceIdOf(page)))).toMatchObject({
      analytics: 'withdrawn/banner',
      marketing: 'given/banner',
    });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cookies a category’s scripts set before any choice go when it is refused', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await context.addCookies([
      { name: '_fbp', value: 'fb.1.early', domain: '.privet.test', path: '/' },
      { name: '_ga', value: 'GA1.1.early', domain: SHOP_HOST, path: '/' },
    ]);
    await page.goto(harness.site.url);
    await bannerDialog(page).getByRole('button', { name: 'Reject all' }).click();
    await bannerDialog(page).waitFor({ state: 'detached' });
    expect(await context.cookies()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
