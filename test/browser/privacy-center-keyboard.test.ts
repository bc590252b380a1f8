import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageProblems, launchChromium } from './launch-chromium.ts';
import { nextCodeFor, startCenterHarness, type CenterHarness } from './privacy-center-harness.ts';
import { webBuilt } from './web-built.ts';

interface Focused {
  readonly tag: string;
  readonly id: string;
  readonly text: string;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      text: (element?.textContent ?? '').trim(),
    };
  });
}

/** Presses Tab until the focus is on what `matches` accepts; fails after `limit` presses. */
async function tabTo(page: Page, matches: (f: Focused) => boolean, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached the element; last focus: ${JSON.stringify(await focused(page))}`);
}

describe('privacy center with the keyboard only, in Chromium', () => {
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

  it('finds a right, fixes a mistake from the error summary, sends the request and enters the code', async () => {
    const email = 'keys@example.test';
    const page = await (await browser.newContext()).newPage();
    const problems = collectPageProblems(page);
    await page.goto(harness.testApp.url);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Skip to main content');
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'See your data');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/rights\/access$/);
    // The new page's heading has the focus, so the next Tab starts in the form.
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'See your data' });

    // Sent empty: the error summary takes the focus and its link leads to the field.
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Send request');
    await page.keyboard.press('Enter');
    await page.locator('.error-summary').waitFor();
    expect((await focused(page)).text).toContain('Enter your email address');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Enter your email address' });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'input', id: 'request-email' });
    expect(await page.getAttribute('#request-email', 'aria-invalid')).toBe('true');

    await page.keyboard.type(email);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Check your email' });

    await tabTo(page, (f) => f.id === 'verification-code');
    await page.keyboard.type(await nextCodeFor(harness.testApp.store, email, new Set()));
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/requests\/status#token=/);
    await page.getByRole('heading', { level: 1, name: 'Your request' }).waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Your request' });

    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('switches the language with the keyboard and keeps it', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(harness.testApp.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Deutsch');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ihre Daten, Ihre Rechte' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getAttribute('button[lang="de"]', 'aria-pressed')).toBe('true');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ihre Daten, Ihre Rechte' }).waitFor();
    await page.context().close();
  }, 120_000);
});
