import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAxeProblems } from './axe-check.ts';
import { collectPageProblems, launchChromium, screenshot } from './launch-chromium.ts';
import { enterCode, nextCodeFor, startCenterHarness, type CenterHarness } from './privacy-center-harness.ts';
import { webBuilt } from './web-built.ts';

const RIGHT_SLUGS = ['access', 'correct', 'delete', 'object', 'portability', 'consent', 'do-not-sell'];

// What each language calls the things the test presses.
const words = {
  en: {
    language: 'English',
    send: 'Send request',
    code: 'Code from the email',
    confirm: 'Confirm',
    status: 'Your request',
  },
  de: {
    language: 'Deutsch',
    send: 'Anfrage senden',
    code: 'Code aus der E-Mail',
    confirm: 'Bestätigen',
    status: 'Ihre Anfrage',
  },
} as const;

describe('privacy center accessibility (axe-core) in Chromium', () => {
  let harness: CenterHarness;
  let browser: Browser;

  beforeAll(async () => {
    await webBuilt();
    harness = await startCenterHarness();
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function check(page: Page, where: string): Promise<void> {
    expect(await seriousAxeProblems(page), where).toEqual([]);
  }

  it('the check itself finds a field without a label', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${harness.testApp.url}/rights/access`);
    await page.locator('#request-email').waitFor();
    await page.evaluate(() => document.querySelector('form')?.append(document.createElement('input')));
    expect((await seriousAxeProblems(page)).map((problem) => problem.rule)).toContain('label');
    await context.close();
  }, 120_000);

  it.each(['en', 'de'] as const)(
    'every page has no serious or critical violation in %s',
    async (language) => {
      const url = harness.testApp.url;
      const w = words[language];
      // axe is injected as an inline script, which the app's CSP rightly refuses.
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems = collectPageProblems(page);

      await page.goto(url);
      await page.getByRole('button', { name: w.language }).click();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      await check(page, 'landing');
      await screenshot(page, `center-landing-${language}`);

      await page.goto(`${url}/privacy-notice`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, 'privacy notice');

      for (const slug of RIGHT_SLUGS) {
        await page.goto(`${url}/rights/${slug}`);
        await page.getByRole('button', { name: w.send }).waitFor();
        await page.locator('.status[role="status"]').waitFor({ state: 'detached' });
        await check(page, `form ${slug}`);
        // The same form showing its error summary and invalid fields.
        await page.getByRole('button', { name: w.send }).click();
        await page.locator('.error-summary').waitFor();
        await check(page, `form ${slug} with errors`);
      }
      await page.goto(`${url}/rights/object`);
      await page.locator('#request-kind-1').check();
      await check(page, 'restriction form');
      await screenshot(page, `center-restriction-${language}`);

      await page.goto(`${url}/no-such-page`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, 'not found');

      await page.goto(`${url}/requests/verify#token=not-a-real-token`);
      await page.getByRole('alert').waitFor();
      await check(page, 'magic link that does not work');

      await page.goto(`${url}/requests/status`);
      await page.getByRole('alert').waitFor();
      await check(page, 'status page without a token');

      // The steps behind the form: code entry (also with a wrong code) and the status page.
      const email = `axe-${language}@example.test`;
      await page.goto(`${url}/rights/access`);
      await page.locator('#request-email').fill(email);
      await page.getByRole('button', { name: w.send }).click();
      await page.locator('#verification-code').waitFor();
      await check(page, 'code step');
      await page.getByLabel(w.code).fill('000000');
      await page.getByRole('button', { name: w.confirm }).click();
      await page.locator('.error-summary').waitFor();
      await check(page, 'code step with a wrong code');
      await screenshot(page, `center-code-${language}`);
      const code = await nextCodeFor(harness.testApp.store, email, new Set());
      if (language === 'en') await enterCode(page, code);
      else {
        await page.getByLabel(w.code).fill(code);
        await page.getByRole('button', { name: w.confirm }).click();
        await page.getByRole('heading', { level: 1, name: w.status }).waitFor();
      }
      await page.locator('.request-facts').waitFor();
      await check(page, 'status page');
      await screenshot(page, `center-status-${language}`);

      expect(problems).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
