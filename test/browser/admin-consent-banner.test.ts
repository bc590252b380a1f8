import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedConsentDemo } from '../../src/consent/consent-test-kit.ts';
import { readConsentSettings } from '../../src/consent/consent-settings.ts';
import { systemClock } from '../../src/domain/clock.ts';
import { listNoticeVersions } from '../../src/notices/read-notice-versions.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { seriousAxeProblems } from './axe-check.ts';
import { signInTo } from './admin-sign-in.ts';
import { launchChromium, screenshot } from './launch-chromium.ts';
import { webBuilt } from './web-built.ts';

const PASSWORD = 'correct horse battery staple';

describe('banner and notice page in Chromium', () => {
  let testApp: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    testApp = await startTestApp({ listen: true });
    browser = await launchChromium();
    await seedConsentDemo({ store: testApp.store, clock: systemClock });
  });

  afterAll(async () => {
    await browser?.close();
    await testApp?.stop();
  });

  const preflight = (origin: string) =>
    testApp.app.inject({
      method: 'OPTIONS',
      url: '/api/public/consent',
      headers: { origin, 'access-control-request-method': 'POST' },
    });

  it('an admin allows a shop’s site (a bad origin is refused and nothing is saved), then puts a new notice in force', async () => {
    await testApp.createUser({ email: 'ida@example.test', password: PASSWORD, role: 'admin' });
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/consent/banner',
      { email: 'ida@example.test', password: PASSWORD },
      { bypassCSP: true },
    );
    await page.getByRole('heading', { level: 1, name: 'Banner and notice' }).waitFor();
    const origins = page.getByLabel('Sites allowed to run the banner');
    expect(await origins.inputValue()).toBe('*');
    expect(await seriousAxeProblems(page)).toEqual([]);

    await origins.fill('https://shop.example/\nftp://files.example');
    await page.getByRole('button', { name: 'Save sites' }).click();
    await page.getByRole('alert').filter({ hasText: 'The settings were not saved' }).waitFor();
    expect(await origins.getAttribute('aria-invalid')).toBe('true');
    expect((await readConsentSettings(testApp.store.db)).allowedOrigins).toEqual(['*']);

    await origins.fill('https://shop.example/\n\nhttps://www.shop.example:8443');
    await page.getByRole('button', { name: 'Save sites' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await readConsentSettings(testApp.store.db)).allowedOrigins).toEqual([
      'https://shop.example',
      'https://www.shop.example:8443',
    ]);
    // The public API follows at once: the shop may post, another site may not.
    expect((await preflight('https://shop.example')).statusCode).toBe(204);
    expect((await preflight('https://other.example')).statusCode).toBe(403);

    const table = page.getByTestId('notice-versions');
    expect(await table.locator('tr[data-version="2026-01"]').textContent()).toContain('in force');
    const form = page.getByRole('region', { name: 'Add a version' });
    // A new version starts from the purposes of the one in force.
    expect(await form.getByRole('list', { name: 'Chosen: Purposes it covers' }).textContent()).toContain(
      'analytics.reporting',
    );
    await form.getByLabel('Version', { exact: true }).fill('2026-07');
    await form.getByLabel('Text', { exact: true }).fill('We now also measure which pages load slowly.');
    await form.getByRole('button', { name: 'Remove marketing.advertising' }).click();
    await form.getByRole('button', { name: 'Add version' }).click();
    await form.getByRole('status').filter({ hasText: 'Version 2026-07 is saved as a draft.' }).waitFor();
    await table.locator('tr[data-version="2026-07"]').waitFor();
    expect(await table.locator('tr[data-version="2026-07"]').textContent()).toContain('draft');
    // A draft is not public yet, so it has no link to the public notice.
    expect(await table.locator('tr[data-version="2026-07"]').getByRole('link').count()).toBe(0);
    let config = (await testApp.app.inject({ url: '/api/public/consent/config' })).json<{
      noticeVersion: string;
    }>();
    expect(config.noticeVersion).toBe('2026-01');

    await page.getByRole('button', { name: 'Put in force: version 2026-07' }).click();
    const dialog = page.getByRole('dialog', { name: 'Put version 2026-07 in force?' });
    await dialog.getByRole('button', { name: 'Put in force' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2026-07 is in force.' }).waitFor();
    await table.locator('tr[data-version="2026-07"]').filter({ hasText: 'in force' }).waitFor();
    expect(await table.locator('tr[data-version="2026-01"]').textContent()).toContain('earlier');
    const link = table.locator('tr[data-version="2026-07"]').getByRole('link', { name: '2026-07' });
    const shown = await page.evaluate(
      async (url) => ((await (await fetch(url)).json()) as { text: string }).text,
      (await link.getAttribute('href')) ?? '',
    );
    expect(shown).toBe('We now also measure which pages load slowly.');
    config = (await testApp.app.inject({ url: '/api/public/consent/config' })).json<{
      noticeVersion: string;
    }>();
    expect(config.noticeVersion).toBe('2026-07');
    const notice = (await testApp.app.inject({ url: '/api/public/notice' })).json<{
      purposeKeys: string[];
    }>();
    expect(notice.purposeKeys).not.toContain('marketing.advertising');
    await screenshot(page, 'admin-consent-banner');

    // A draft written by mistake can be deleted; a version ever in force offers no such button.
    await form.getByLabel('Version', { exact: true }).fill('2026-08');
    await form.getByLabel('Text', { exact: true }).fill('Draft with a mistake.');
    await form.getByRole('button', { name: 'Add version' }).click();
    await table.locator('tr[data-version="2026-08"]').waitFor();
    expect(await page.getByRole('button', { name: /^Delete draft/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Delete draft 2026-08' }).click();
    await page
      .getByRole('dialog', { name: 'Delete the draft 2026-08?' })
      .getByRole('button', { name: 'Delete draft' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Deleted the draft 2026-08.' }).waitFor();
    expect(await table.locator('tr[data-version="2026-08"]').count()).toBe(0);
    expect((await listNoticeVersions(testApp.store.db)).map((v) => v.version).sort()).toEqual([
      '2026-01',
      '2026-07',
    ]);
    expect(problems).toEqual([]);
  });

  it('an admin adds, changes and removes a banner category, and the banner configuration follows', async () => {
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/consent/banner', {
      email: 'ida@example.test',
      password: PASSWORD,
    });
    const table = page.getByTestId('banner-categories');
    await table.locator('tr[data-key="analytics"]').waitFor();
    const form = page.getByRole('region', { name: 'Add a category' });
    await form.getByLabel('Key').fill('video');
    await form.getByLabel('Title (English)').fill('Embedded videos');
    await form.getByLabel('Description (English)').fill('Plays videos from YouTube on our pages.');
    await form.getByLabel('Purpose').fill('functional.service');
    await form.getByLabel('Services').fill('YouTube | Google LLC | VISITOR_INFO1_LIVE, YSC\nVimeo');
    await form.getByLabel('ad_storage').check();
    await form.getByLabel('Position on the banner').fill('250');
    // A cookie pattern with a space is refused under the services field, and nothing is added.
    await form.getByLabel('Services').fill('YouTube | Google LLC | VISITOR INFO');
    await form.getByRole('button', { name: 'Add category' }).click();
    await form.getByRole('alert').filter({ hasText: 'The category was not saved' }).waitFor();
    expect(await form.getByLabel('Services').getAttribute('aria-invalid')).toBe('true');
    expect(await table.locator('tr[data-key="video"]').count()).toBe(0);
    await form.getByLabel('Services').fill('YouTube | Google LLC | VISITOR_INFO1_LIVE, YSC\nVimeo');
    await form.getByRole('button', { name: 'Add category' }).click();
    await page.getByRole('status').filter({ hasText: 'Added the category video.' }).waitFor();
    const row = table.locator('tr[data-key="video"]');
    await row.filter({ hasText: 'YouTube, Vimeo' }).waitFor();

    type Config = {
      categories: { key: string; title: string; services: { name: string; cookies: string[] }[] }[];
    };
    const config = async () =>
      (await testApp.app.inject({ url: '/api/public/consent/config' })).json<Config>().categories;
    const video = (await config()).find((category) => category.key === 'video');
    expect(video?.title).toBe('Embedded videos');
    expect(video?.services[0]).toEqual(
      expect.objectContaining({ name: 'YouTube', cookies: ['VISITOR_INFO1_LIVE', 'YSC'] }),
    );

    await row.getByRole('button', { name: 'Change video' }).click();
    const change = page.getByRole('region', { name: 'Change the category video' });
    expect(await change.getByLabel('Services').inputValue()).toBe(
      'YouTube | Google LLC | VISITOR_INFO1_LIVE, YSC\nVimeo',
    );
    await change.getByLabel('Title (English)').fill('Videos');
    await change.getByLabel('Global Privacy Control opts out of it (sale, sharing, marketing)').check();
    await change.getByRole('button', { name: 'Save category' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the category video.' }).waitFor();
    await row.filter({ hasText: 'GPC opts out' }).waitFor();
    expect((await config()).find((category) => category.key === 'video')?.title).toBe('Videos');

    await row.getByRole('button', { name: 'Remove video' }).click();
    await page
      .getByRole('dialog', { name: 'Remove the category video?' })
      .getByRole('button', { name: 'Remove category' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Removed the category video.' }).waitFor();
    expect((await config()).map((category) => category.key)).not.toContain('video');
    expect(problems).toEqual([]);
  });

  it('an admin translates the banner and a category; visitors in that language get them, others English', async () => {
    const { page, problems } = await signInTo(
      browser,
      testApp.url,
      '/admin/consent/banner',
      { email: 'ida@example.test', password: PASSWORD },
      { bypassCSP: true },
    );
    type Config = { texts: Record<string, string>; categories: { key: string; title: string }[] };
    const config = async (lang: string) =>
      (await testApp.app.inject({ url: `/api/public/consent/config?lang=${lang}` })).json<Config>();
    const panel = page.getByRole('region', { name: 'Banner texts' });
    const newLanguage = panel.getByLabel('Add a language');
    await newLanguage.fill('deutsch!');
    await panel.getByRole('button', { name: 'Add language' }).click();
    await panel.getByText('A language tag such as de, fr or pt-BR.').first().waitFor();
    expect(await newLanguage.getAttribute('aria-invalid')).toBe('true');
    await newLanguage.fill('de');
    await panel.getByRole('button', { name: 'Add language' }).click();
    expect(await panel.getByLabel('Language', { exact: true }).inputValue()).toBe('de');
    await panel.getByLabel('Title', { exact: true }).fill('Ihre Datenschutz-Einstellungen');
    await panel.getByLabel('Accept all button').fill('Alle akzeptieren');
    await panel.getByRole('button', { name: 'Save texts' }).click();
    await panel.getByRole('status').filter({ hasText: 'visitors in de' }).waitFor();
    expect((await readConsentSettings(testApp.store.db)).texts).toEqual({
      de: { title: 'Ihre Datenschutz-Einstellungen', acceptAll: 'Alle akzeptieren' },
    });
    // de-AT falls back to de, and a text not translated to English; another language gets English.
    const austrian = await config('de-AT');
    expect(austrian.texts).toMatchObject({
      title: 'Ihre Datenschutz-Einstellungen',
      acceptAll: 'Alle akzeptieren',
    });
    expect(austrian.texts.rejectAll).toBe('Reject all');
    expect((await config('fr')).texts.title).toBe('Your privacy choices');
    expect(await seriousAxeProblems(page)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-banner-texts');

    // The category form now offers German for the category's own title and description.
    await page.getByTestId('banner-categories').getByRole('button', { name: 'Change analytics' }).click();
    const change = page.getByRole('region', { name: 'Change the category analytics' });
    await change.getByLabel('Language of the title and description').selectOption('de');
    await change.getByLabel('Title (de)').fill('Statistik');
    await change.getByLabel('Description (de)').fill('Zählt Besuche, ohne Sie zu erkennen.');
    await change.getByRole('button', { name: 'Save category' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the category analytics.' }).waitFor();
    const analytics = (c: Config) => c.categories.find((category) => category.key === 'analytics')?.title;
    expect(analytics(await config('de'))).toBe('Statistik');
    expect(analytics(await config('en'))).toBe('Analytics');

    // Removing German sends its visitors back to English.
    await panel.getByRole('button', { name: 'Remove de' }).click();
    await panel.getByRole('status').filter({ hasText: 'Removed de' }).waitFor();
    expect((await readConsentSettings(testApp.store.db)).texts).toEqual({});
    expect((await config('de')).texts.title).toBe('Your privacy choices');
    expect(problems).toEqual([]);
  });

  it('a viewer reads the sites and versions but changes nothing', async () => {
    await testApp.createUser({ email: 'vera@example.test', password: PASSWORD, role: 'viewer' });
    const { page, problems } = await signInTo(browser, testApp.url, '/admin/consent/banner', {
      email: 'vera@example.test',
      password: PASSWORD,
    });
    await page.getByText('Banners may record choices from: https://shop.example').waitFor();
    await page.getByTestId('notice-versions').waitFor();
    expect(await page.getByRole('button', { name: /Put in force/ }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Add a version' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save sites' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save texts' }).count()).toBe(0);
    expect(await page.getByLabel('Add a language').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Add a category' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Change / }).count()).toBe(0);
    await page.getByTestId('banner-categories').locator('tr[data-key="analytics"]').waitFor();
    expect(problems).toEqual([]);
  });
});
