import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBannerHarness, type BannerHarness } from './banner-harness.ts';
import { shopCsp, shopPage } from './banner-page.ts';
import { bannerDialog, deviceIdOf, waitForQueueEmpty } from './banner-steps.ts';
import { screenshot } from './launch-chromium.ts';

const german = {
  title: 'Ihre Datenschutz-Einstellungen',
  body: 'Wir verwenden Cookies, die für den Betrieb nötig sind, und mit Ihrer Einwilligung weitere.',
  acceptAll: 'Alle akzeptieren',
  rejectAll: 'Alle ablehnen',
  customize: 'Anpassen',
  save: 'Auswahl speichern',
  close: 'Schließen',
  privacyNotice: 'Datenschutzerklärung',
};

describe('banner texts from the configuration, and CORS for one named site, in Chromium', () => {
  let harness: BannerHarness;

  beforeAll(async () => {
    harness = await startBannerHarness();
    const { json } = await harness.admin('GET', '/api/admin/consent/settings');
    const settings = json as { texts: Record<string, unknown> };
    // Only the shop may call the consent API now, instead of the demo's `*`.
    const saved = await harness.admin('PUT', '/api/admin/consent/settings', {
      ...settings,
      allowedOrigins: [harness.site.url],
      texts: { ...settings.texts, de: german },
    });
    expect(saved.status).toBe(200);
    const privetOrigin = harness.testApp.url;
    harness.site.put('/de', shopPage({ privetOrigin, lang: 'de-DE' }), { csp: shopCsp(privetOrigin) });
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('shows the page language’s texts (de-DE falls back to de) and records the language', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(`${harness.site.url}/de`);
    const dialog = page.getByRole('dialog', { name: german.title });
    await dialog.waitFor();
    await expect(dialog.getByRole('button', { name: german.close }).count()).resolves.toBe(1);
    await expect(dialog.getByRole('link', { name: german.privacyNotice }).count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: german.customize }).click();
    await screenshot(page, 'banner-german');
    await dialog.getByRole('button', { name: german.rejectAll }).click();
    await waitForQueueEmpty(page);
    const events = await harness.history(await deviceIdOf(page));
    expect(events.map((event) => event.language)).toEqual(['de-DE', 'de-DE', 'de-DE']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('English pages keep the shipped English', async () => {
    const { page, problems, context } = await harness.newVisitor();
    await page.goto(harness.site.url);
    await bannerDialog(page).getByRole('button', { name: 'Accept all' }).click();
    await waitForQueueEmpty(page);
    expect((await harness.history(await deviceIdOf(page))).length).toBe(3);
    expect(problems).toEqual([]);
    await context.close();
  });
});
